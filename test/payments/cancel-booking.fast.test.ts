import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Principal } from '../../src/access/principal.js';
import { BookingHistoryDocument, CancelBookingDocument, CreateBookingDocument } from '../generated/operations.js';
import { openApp, type InProcessApp } from '../support/in-process.js';
import { client, traveller } from '../support/principals.js';
import { insertTour, OPERATORS, PROVIDERS, setBookingConsent, tourSeats, travellers } from '../bookings/booking.fixtures.js';

let app: InProcessApp;
let users: string[];
beforeAll(async () => {
  app = await openApp();
  users = await travellers(app.services.sql, 3, 10);
  await setBookingConsent(app.services.sql, users, true);
});
afterAll(async () => {
  await app.close();
});

async function bookOn(tourId: string, userId = users[0], seats = 2): Promise<string> {
  const { body } = await app.run(await traveller(app, userId), CreateBookingDocument, { tourId, seats, key: randomUUID() });
  const r = body.data!.createBooking;
  if (r.__typename !== 'BookingCreated') throw new Error(r.__typename);
  return r.booking.id;
}

const cancel = (id: string, principal: Principal, reason = 'планы изменились') => app.run(principal, CancelBookingDocument, { id, reason });

describe('cancelBooking', () => {
  it('the traveller cancels before the start: seats come back, history records it, a second cancel is refused', async () => {
    const sql = app.services.sql;
    const tourId = await insertTour(sql, { partnerId: OPERATORS[2], capacity: 6 });
    const id = await bookOn(tourId);
    const me = await traveller(app, users[0]);
    const { body } = await cancel(id, me, 'заболел, звоните +7 701 234 56 78');
    expect(body.data!.cancelBooking).toMatchObject({ __typename: 'BookingCancelled', booking: { id, status: 'CANCELLED', tour: { seatsLeft: 6 } } });
    expect(await tourSeats(sql, tourId)).toMatchObject({ seatsBooked: 0, held: 0 });
    const again = await cancel(id, me);
    expect(again.body.data!.cancelBooking).toEqual({ __typename: 'CancellationRefused', reason: 'ALREADY_CANCELLED' });
    expect((await tourSeats(sql, tourId)).seatsBooked).toBe(0);
    const history = (await app.run(me, BookingHistoryDocument, { id })).body.data!.booking!.history;
    expect(history.map((h) => [h.status, h.actorKind])).toEqual([
      ['PENDING_PAYMENT', 'USER'],
      ['CANCELLED', 'USER'],
    ]);
    expect(history[1].reason).toBe('заболел, звоните [phone hidden]');
  });

  it('parallel cancels release the seats once', async () => {
    const sql = app.services.sql;
    const tourId = await insertTour(sql, { partnerId: OPERATORS[2], capacity: 6 });
    const id = await bookOn(tourId, users[1], 3);
    const me = await traveller(app, users[1]);
    const results = await Promise.all(Array.from({ length: 8 }, () => cancel(id, me)));
    expect(results.filter((r) => r.body.data!.cancelBooking.__typename === 'BookingCancelled')).toHaveLength(1);
    expect(await tourSeats(sql, tourId)).toMatchObject({ seatsBooked: 0, held: 0 });
  });

  it('the traveller cannot cancel once the tour has started, the partner can', async () => {
    const sql = app.services.sql;
    const tourId = await insertTour(sql, { partnerId: OPERATORS[2], capacity: 6 });
    const id = await bookOn(tourId);
    await sql.rows('t_start_tour', 'update tours set starts_on = current_date, ends_on = current_date + 2 where id = $1', [tourId]);
    const refused = await cancel(id, await traveller(app, users[0]));
    expect(refused.body.data!.cancelBooking).toEqual({ __typename: 'CancellationRefused', reason: 'TOUR_STARTED' });
    const byPartner = await cancel(id, await client(app, 'PARTNER', OPERATORS[2], { scopes: ['bookings:read'] }), 'погодные условия');
    expect(byPartner.body.data!.cancelBooking).toMatchObject({ __typename: 'BookingCancelled', booking: { status: 'CANCELLED' } });
    expect(await tourSeats(sql, tourId)).toMatchObject({ seatsBooked: 0, held: 0 });
    const history = (await app.run(await traveller(app, users[0]), BookingHistoryDocument, { id })).body.data!.booking!.history;
    expect(history.at(-1)).toMatchObject({ status: 'CANCELLED', actorKind: 'PARTNER', reason: 'погодные условия' });
  });

  it('completed bookings cannot be cancelled', async () => {
    const sql = app.services.sql;
    const tourId = await insertTour(sql, { partnerId: OPERATORS[2], capacity: 6 });
    const id = await bookOn(tourId);
    for (const status of ['PAID', 'COMPLETED']) await sql.rows('t_complete', 'update bookings set status = $2 where id = $1', [id, status]);
    const { body } = await cancel(id, await client(app, 'PARTNER', OPERATORS[2]));
    expect(body.data!.cancelBooking).toEqual({ __typename: 'CancellationRefused', reason: 'ALREADY_COMPLETED' });
  });

  it('nobody else can cancel: other travellers, other partners, providers, partners without a bookings scope — NOT_FOUND or FORBIDDEN, nothing changes', async () => {
    const sql = app.services.sql;
    const tourId = await insertTour(sql, { partnerId: OPERATORS[2], capacity: 6 });
    const id = await bookOn(tourId);
    for (const principal of [await traveller(app, users[2]), await client(app, 'PARTNER', OPERATORS[3])]) {
      const { body } = await cancel(id, principal);
      expect(body.errors![0].extensions!.code).toBe('NOT_FOUND');
    }
    for (const principal of [await client(app, 'PAYMENT_PROVIDER', PROVIDERS[0]), await client(app, 'PARTNER', OPERATORS[2], { scopes: ['tours:read'] })]) {
      const { body } = await cancel(id, principal);
      expect(body.errors![0].extensions!.code).toBe('FORBIDDEN');
    }
    expect(await tourSeats(sql, tourId)).toMatchObject({ seatsBooked: 2, held: 2 });
    const { body } = await cancel(randomUUID(), await traveller(app, users[0]));
    expect(body.errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it('checks the reason', async () => {
    const tourId = await insertTour(app.services.sql, { partnerId: OPERATORS[2], capacity: 6 });
    const id = await bookOn(tourId);
    for (const reason of ['   ', 'x'.repeat(501)]) {
      const { body } = await cancel(id, await traveller(app, users[0]), reason);
      expect(body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    }
  });
});
