import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CreateBookingDocument, BookingHistoryDocument } from '../generated/operations.js';
import { openApp, type InProcessApp } from '../support/in-process.js';
import { anonymous, client, traveller } from '../support/principals.js';
import { insertTour, OPERATORS, setBookingConsent, tourSeats, travellers } from './booking.fixtures.js';

let app: InProcessApp;
let users: string[];
beforeAll(async () => {
  app = await openApp();
  users = await travellers(app.services.sql, 6, 0);
  await setBookingConsent(app.services.sql, users, true);
});
afterAll(async () => {
  await app.close();
});

async function book(userId: string, tourId: string, seats: number, key: string = randomUUID()) {
  return app.run(await traveller(app, userId), CreateBookingDocument, { tourId, seats, key });
}

function created(res: Awaited<ReturnType<typeof book>>) {
  expect(res.body.errors).toBeUndefined();
  const r = res.body.data!.createBooking;
  if (r.__typename !== 'BookingCreated') throw new Error(`expected BookingCreated, got ${r.__typename}`);
  return r.booking;
}

describe('createBooking', () => {
  it('books seats at seats x price, takes them from the tour and starts the history', async () => {
    const tourId = await insertTour(app.services.sql, { partnerId: OPERATORS[0], capacity: 10, priceKzt: 42_000 });
    const b = created(await book(users[0], tourId, 3));
    expect(b).toMatchObject({ seats: 3, status: 'PENDING_PAYMENT', amountKzt: 126_000, tour: { id: tourId, seatsLeft: 7 } });
    expect(await tourSeats(app.services.sql, tourId)).toEqual({ seatsBooked: 3, capacity: 10, held: 3 });
    const { body } = await app.run(await traveller(app, users[0]), BookingHistoryDocument, { id: b.id });
    expect(body.data!.booking!.history).toEqual([expect.objectContaining({ status: 'PENDING_PAYMENT', actorKind: 'USER', reason: null })]);
  });

  it('asks for the TOUR_BOOKING consent first, and books nothing', async () => {
    const [user] = await travellers(app.services.sql, 1, 6);
    await setBookingConsent(app.services.sql, [user], false);
    const tourId = await insertTour(app.services.sql, { partnerId: OPERATORS[0], capacity: 5 });
    const { body } = await book(user, tourId, 1);
    expect(body.data!.createBooking).toEqual({ __typename: 'ConsentRequired', purpose: 'TOUR_BOOKING' });
    expect((await tourSeats(app.services.sql, tourId)).seatsBooked).toBe(0);
  });

  it('refuses retired, started and unknown tours', async () => {
    const sql = app.services.sql;
    const retired = await insertTour(sql, { partnerId: OPERATORS[0], capacity: 5, status: 'RETIRED' });
    const started = await insertTour(sql, { partnerId: OPERATORS[0], capacity: 5, startsInDays: 0 });
    for (const [tourId, reason] of [
      [retired, 'RETIRED'],
      [started, 'STARTED'],
      [randomUUID(), 'UNKNOWN'],
      ['not-a-uuid', 'UNKNOWN'],
    ]) {
      const { body } = await book(users[1], tourId, 1);
      expect(body.data!.createBooking).toEqual({ __typename: 'TourNotBookable', reason });
    }
  });

  it('answers TourSoldOut with the seats left when too few remain', async () => {
    const tourId = await insertTour(app.services.sql, { partnerId: OPERATORS[0], capacity: 4, seatsBooked: 2 });
    const { body } = await book(users[1], tourId, 3);
    expect(body.data!.createBooking).toEqual({ __typename: 'TourSoldOut', seatsLeft: 2 });
    expect((await tourSeats(app.services.sql, tourId)).seatsBooked).toBe(2);
  });

  it('returns the same booking for the same key and takes the seats once', async () => {
    const tourId = await insertTour(app.services.sql, { partnerId: OPERATORS[0], capacity: 10 });
    const key = randomUUID();
    const first = created(await book(users[2], tourId, 2, key));
    const again = created(await book(users[2], tourId, 2, key));
    expect(again.id).toBe(first.id);
    expect(await tourSeats(app.services.sql, tourId)).toMatchObject({ seatsBooked: 2, held: 2 });
  });

  it('keys are per traveller: another traveller with the same key gets their own booking', async () => {
    const tourId = await insertTour(app.services.sql, { partnerId: OPERATORS[0], capacity: 10 });
    const key = randomUUID();
    const a = created(await book(users[3], tourId, 1, key));
    const b = created(await book(users[4], tourId, 1, key));
    expect(a.id).not.toBe(b.id);
  });

  it('refuses a reused key with another tour or seat count', async () => {
    const sql = app.services.sql;
    const tourId = await insertTour(sql, { partnerId: OPERATORS[0], capacity: 10 });
    const other = await insertTour(sql, { partnerId: OPERATORS[0], capacity: 10 });
    const key = randomUUID();
    created(await book(users[2], tourId, 1, key));
    for (const [t, seats] of [
      [tourId, 2],
      [other, 1],
    ] as const) {
      const { body } = await book(users[2], t, seats, key);
      expect(body.errors![0]).toMatchObject({ message: 'idempotencyKey reused with different parameters', extensions: { code: 'BAD_USER_INPUT', field: 'idempotencyKey' } });
    }
    expect((await tourSeats(sql, other)).seatsBooked).toBe(0);
  });

  it('parallel requests with one key make one booking', async () => {
    const sql = app.services.sql;
    const tourId = await insertTour(sql, { partnerId: OPERATORS[0], capacity: 30 });
    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: 20 }, () => book(users[5], tourId, 2, key)));
    const ids = new Set(results.map((r) => created(r).id));
    expect(ids.size).toBe(1);
    const rows = await sql.rows<{ n: number }>('t_key_rows', 'select count(*)::int as n from bookings where user_id = $1 and idempotency_key = $2', [users[5], key]);
    expect(rows[0].n).toBe(1);
    expect(await tourSeats(sql, tourId)).toMatchObject({ seatsBooked: 2, held: 2 });
  });

  it('replays the booking of a key once the tour is sold out and the consent withdrawn', async () => {
    const sql = app.services.sql;
    const [user] = await travellers(sql, 1, 7);
    await setBookingConsent(sql, [user], true);
    const tourId = await insertTour(sql, { partnerId: OPERATORS[0], capacity: 2 });
    const key = randomUUID();
    const first = created(await book(user, tourId, 2, key));
    await setBookingConsent(sql, [user], false);
    expect(created(await book(user, tourId, 2, key)).id).toBe(first.id);
    expect(await tourSeats(sql, tourId)).toMatchObject({ seatsBooked: 2, held: 2 });
  });

  it('checks seats and the key format', async () => {
    const tourId = await insertTour(app.services.sql, { partnerId: OPERATORS[0], capacity: 10 });
    for (const [seats, key, field] of [
      [0, randomUUID(), 'seats'],
      [21, randomUUID(), 'seats'],
      [1, 'short', 'idempotencyKey'],
      [1, 'has space inside', 'idempotencyKey'],
    ] as const) {
      const { body } = await book(users[0], tourId, seats, key);
      expect(body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('is for travellers only', async () => {
    const tourId = await insertTour(app.services.sql, { partnerId: OPERATORS[0], capacity: 10 });
    const partner = await app.run(await client(app, 'PARTNER', OPERATORS[0]), CreateBookingDocument, { tourId, seats: 1, key: randomUUID() });
    expect(partner.body.errors![0].extensions!.code).toBe('FORBIDDEN');
    const nobody = await app.run(anonymous, CreateBookingDocument, { tourId, seats: 1, key: randomUUID() });
    expect(nobody.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });
});
