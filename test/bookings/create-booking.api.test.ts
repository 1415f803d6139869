import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningGateway } from '../../src/gateway.js';
import { CreateBookingDocument, BookingHistoryDocument } from '../generated/operations.js';
import { startTestGateway } from '../support/gateway.js';
import { gql, postQuery, sqlStatementsTotal } from '../support/http.js';
import { clientHeaders, insertTour, OPERATORS, setBookingConsent, tourSeats, travellers, userHeaders } from './booking.fixtures.js';

let gw: RunningGateway;
let users: string[];
beforeAll(async () => {
  gw = await startTestGateway();
  users = await travellers(gw.services.sql, 6, 0);
  await setBookingConsent(gw.services.sql, users, true);
});
afterAll(async () => {
  await gw.close();
});

async function book(userId: string, tourId: string, seats: number, key: string = randomUUID()) {
  return gql(gw.url, CreateBookingDocument, { tourId, seats, key }, await userHeaders(gw, userId));
}

function created(res: Awaited<ReturnType<typeof book>>) {
  expect(res.body.errors).toBeUndefined();
  const r = res.body.data!.createBooking;
  if (r.__typename !== 'BookingCreated') throw new Error(`expected BookingCreated, got ${r.__typename}`);
  return r.booking;
}

describe('createBooking', () => {
  it('books seats at seats x price, takes them from the tour and starts the history', async () => {
    const tourId = await insertTour(gw.services.sql, { partnerId: OPERATORS[0], capacity: 10, priceKzt: 42_000 });
    const b = created(await book(users[0], tourId, 3));
    expect(b).toMatchObject({ seats: 3, status: 'PENDING_PAYMENT', amountKzt: 126_000, tour: { id: tourId, seatsLeft: 7 } });
    expect(await tourSeats(gw.services.sql, tourId)).toEqual({ seatsBooked: 3, capacity: 10, held: 3 });
    const { body } = await gql(gw.url, BookingHistoryDocument, { id: b.id }, await userHeaders(gw, users[0]));
    expect(body.data!.booking!.history).toEqual([expect.objectContaining({ status: 'PENDING_PAYMENT', actorKind: 'USER', reason: null })]);
  });

  it('asks for the TOUR_BOOKING consent first, and books nothing', async () => {
    const [user] = await travellers(gw.services.sql, 1, 6);
    await setBookingConsent(gw.services.sql, [user], false);
    const tourId = await insertTour(gw.services.sql, { partnerId: OPERATORS[0], capacity: 5 });
    const { body } = await book(user, tourId, 1);
    expect(body.data!.createBooking).toEqual({ __typename: 'ConsentRequired', purpose: 'TOUR_BOOKING' });
    expect((await tourSeats(gw.services.sql, tourId)).seatsBooked).toBe(0);
  });

  it('refuses retired, started and unknown tours', async () => {
    const sql = gw.services.sql;
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
    const tourId = await insertTour(gw.services.sql, { partnerId: OPERATORS[0], capacity: 4, seatsBooked: 2 });
    const { body } = await book(users[1], tourId, 3);
    expect(body.data!.createBooking).toEqual({ __typename: 'TourSoldOut', seatsLeft: 2 });
    expect((await tourSeats(gw.services.sql, tourId)).seatsBooked).toBe(2);
  });

  it('returns the same booking for the same key and takes the seats once', async () => {
    const tourId = await insertTour(gw.services.sql, { partnerId: OPERATORS[0], capacity: 10 });
    const key = randomUUID();
    const first = created(await book(users[2], tourId, 2, key));
    const again = created(await book(users[2], tourId, 2, key));
    expect(again.id).toBe(first.id);
    expect(await tourSeats(gw.services.sql, tourId)).toMatchObject({ seatsBooked: 2, held: 2 });
  });

  it('keys are per traveller: another traveller with the same key gets their own booking', async () => {
    const tourId = await insertTour(gw.services.sql, { partnerId: OPERATORS[0], capacity: 10 });
    const key = randomUUID();
    const a = created(await book(users[3], tourId, 1, key));
    const b = created(await book(users[4], tourId, 1, key));
    expect(a.id).not.toBe(b.id);
  });

  it('refuses a reused key with another tour or seat count', async () => {
    const sql = gw.services.sql;
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
    const sql = gw.services.sql;
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
    const sql = gw.services.sql;
    const [user] = await travellers(sql, 1, 7);
    await setBookingConsent(sql, [user], true);
    const tourId = await insertTour(sql, { partnerId: OPERATORS[0], capacity: 2 });
    const key = randomUUID();
    const first = created(await book(user, tourId, 2, key));
    await setBookingConsent(sql, [user], false);
    expect(created(await book(user, tourId, 2, key)).id).toBe(first.id);
    expect(await tourSeats(sql, tourId)).toMatchObject({ seatsBooked: 2, held: 2 });
  });

  it('a booking is one statement once the caller is known', async () => {
    const tourId = await insertTour(gw.services.sql, { partnerId: OPERATORS[0], capacity: 10 });
    const headers = await userHeaders(gw, users[0]);
    const mutation = 'mutation B($tourId: ID!, $key: String!) { createBooking(tourId: $tourId, seats: 1, idempotencyKey: $key) { __typename } }';
    const statementsOf = async () => {
      const before = await sqlStatementsTotal(gw.url);
      const { body } = await postQuery(gw.url, mutation, { tourId, key: randomUUID() }, headers);
      expect(body.data).toEqual({ createBooking: { __typename: 'BookingCreated' } });
      return (await sqlStatementsTotal(gw.url)) - before;
    };
    await statementsOf();
    // The seats, the booking and its event in one statement; the token's standing is kept across the caller's own bookings.
    expect(await statementsOf()).toBe(1);
    expect(await statementsOf()).toBe(1);
  });

  it('checks seats and the key format', async () => {
    const tourId = await insertTour(gw.services.sql, { partnerId: OPERATORS[0], capacity: 10 });
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
    const tourId = await insertTour(gw.services.sql, { partnerId: OPERATORS[0], capacity: 10 });
    const partner = await gql(gw.url, CreateBookingDocument, { tourId, seats: 1, key: randomUUID() }, await clientHeaders(gw, 'PARTNER', OPERATORS[0]));
    expect(partner.body.errors![0].extensions!.code).toBe('FORBIDDEN');
    const anonymous = await gql(gw.url, CreateBookingDocument, { tourId, seats: 1, key: randomUUID() });
    expect(anonymous.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });
});
