import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CancelBookingDocument, CreateBookingDocument, CreateReviewDocument, MyBookingsDocument, RecordPaymentDocument, StartPaymentDocument } from '../generated/operations.js';
import { openApp, type InProcessApp } from '../support/in-process.js';
import { client, traveller } from '../support/principals.js';
import { bareTraveller } from '../support/users.js';
import { insertTour, OPERATORS, PROVIDERS, setBookingConsent } from './booking.fixtures.js';

let app: InProcessApp;
beforeAll(async () => {
  app = await openApp();
});
afterAll(async () => {
  await app.close();
});

async function book(userId: string, seats = 1): Promise<{ id: string; tourId: string }> {
  const tourId = await insertTour(app.services.sql, { partnerId: OPERATORS[1], capacity: 10, priceKzt: 10_000 });
  const { body } = await app.run(await traveller(app, userId), CreateBookingDocument, { tourId, seats, key: randomUUID() });
  const r = body.data!.createBooking;
  if (r.__typename !== 'BookingCreated') throw new Error(r.__typename);
  return { id: r.booking.id, tourId };
}

async function pay(userId: string, bookingId: string, amount: number): Promise<void> {
  const started = await app.run(await traveller(app, userId), StartPaymentDocument, { bookingId, providerId: PROVIDERS[0] });
  expect(started.body.data!.startPayment.__typename).toBe('PaymentStarted');
  const recorded = await app.run(await client(app, 'PAYMENT_PROVIDER', PROVIDERS[0], { scopes: ['payments:write'] }), RecordPaymentDocument, {
    bookingId,
    status: 'CONFIRMED',
    ref: `ref-${randomUUID()}`,
    amount,
  });
  expect(recorded.body.data!.recordPayment.__typename).toBe('PaymentRecorded');
}

const myBookings = async (userId: string, vars: { first: number; after?: string | null; status?: 'PAID' | 'CANCELLED' | null }) =>
  (await app.run(await traveller(app, userId), MyBookingsDocument, vars)).body;

describe('me.bookings', () => {
  it("lists the traveller's own bookings newest first with tour, latest payment and next actions; pages by cursor; filters by status", async () => {
    const sql = app.services.sql;
    const userId = await bareTraveller(app);
    await setBookingConsent(sql, [userId], true);
    const completed = await book(userId);
    await pay(userId, completed.id, 10_000);
    // The tour ended and the booking completed (what the completion job does), so a review is open.
    await sql.rows('t_end_tour', 'update tours set starts_on = current_date - 5, ends_on = current_date - 1 where id = $1', [completed.tourId]);
    await sql.rows('t_complete', "update bookings set status = 'COMPLETED' where id = $1", [completed.id]);
    const cancelled = await book(userId);
    expect((await app.run(await traveller(app, userId), CancelBookingDocument, { id: cancelled.id, reason: 'передумал' })).body.data!.cancelBooking.__typename).toBe(
      'BookingCancelled',
    );
    const paid = await book(userId, 2);
    await pay(userId, paid.id, 20_000);
    const pending = await book(userId);

    const all = await myBookings(userId, { first: 10 });
    expect(all.errors).toBeUndefined();
    const nodes = all.data!.me!.bookings.nodes;
    expect(nodes.map((n) => [n.booking.id, n.booking.status, n.payment?.status ?? null, n.nextActions])).toEqual([
      [pending.id, 'PENDING_PAYMENT', null, ['PAY', 'CANCEL']],
      [paid.id, 'PAID', 'CONFIRMED', ['CANCEL']],
      [cancelled.id, 'CANCELLED', null, []],
      [completed.id, 'COMPLETED', 'CONFIRMED', ['REVIEW']],
    ]);
    expect(nodes[1]).toMatchObject({ booking: { seats: 2, amountKzt: 20_000, tour: { id: paid.tourId } }, payment: { amountKzt: 20_000 } });
    expect(all.data!.me!.bookings.pageInfo.hasNextPage).toBe(false);

    const first = (await myBookings(userId, { first: 3 })).data!.me!.bookings;
    expect(first.nodes.map((n) => n.booking.id)).toEqual([pending.id, paid.id, cancelled.id]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = (await myBookings(userId, { first: 3, after: first.pageInfo.endCursor })).data!.me!.bookings;
    expect(rest.nodes.map((n) => n.booking.id)).toEqual([completed.id]);
    expect(rest.pageInfo.hasNextPage).toBe(false);

    expect((await myBookings(userId, { first: 10, status: 'PAID' })).data!.me!.bookings.nodes.map((n) => n.booking.id)).toEqual([paid.id]);

    const review = await app.run(await traveller(app, userId), CreateReviewDocument, { tourId: completed.tourId, rating: 5, text: 'Отлично' });
    expect(review.body.data!.createReview.__typename).toBe('ReviewCreated');
    const after = (await myBookings(userId, { first: 10, status: null })).data!.me!.bookings.nodes;
    expect(after.find((n) => n.booking.id === completed.id)!.nextActions).toEqual([]);
  });

  it("shows no one else's bookings, and refuses malformed cursors and page sizes", async () => {
    const owner = await bareTraveller(app);
    await setBookingConsent(app.services.sql, [owner], true);
    await book(owner);
    const other = await bareTraveller(app);
    expect((await myBookings(other, { first: 10 })).data!.me!.bookings).toEqual({ nodes: [], pageInfo: { endCursor: null, hasNextPage: false } });
    expect((await myBookings(owner, { first: 10, after: 'bm90LWEtY3Vyc29y' })).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect((await myBookings(owner, { first: 0 })).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const partner = await app.run(await client(app, 'PARTNER', OPERATORS[1], { scopes: ['bookings:read'] }), MyBookingsDocument, { first: 10 });
    expect(partner.body.errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});
