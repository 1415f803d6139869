import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningGateway } from '../../src/gateway.js';
import { CancelBookingDocument, CreateBookingDocument, CreateReviewDocument, MyBookingsDocument, RecordPaymentDocument, StartPaymentDocument } from '../generated/operations.js';
import { startTestGateway } from '../support/gateway.js';
import { gql } from '../support/http.js';
import { asUser, bareTraveller } from '../support/users.js';
import { clientHeaders, insertTour, OPERATORS, PROVIDERS, setBookingConsent } from './booking.fixtures.js';

let gw: RunningGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(async () => {
  await gw.close();
});

async function book(userId: string, seats = 1): Promise<{ id: string; tourId: string }> {
  const tourId = await insertTour(gw.services.sql, { partnerId: OPERATORS[1], capacity: 10, priceKzt: 10_000 });
  const { body } = await gql(gw.url, CreateBookingDocument, { tourId, seats, key: randomUUID() }, await asUser(gw, userId));
  const r = body.data!.createBooking;
  if (r.__typename !== 'BookingCreated') throw new Error(r.__typename);
  return { id: r.booking.id, tourId };
}

async function pay(userId: string, bookingId: string, amount: number): Promise<void> {
  const started = await gql(gw.url, StartPaymentDocument, { bookingId, providerId: PROVIDERS[0] }, await asUser(gw, userId));
  expect(started.body.data!.startPayment.__typename).toBe('PaymentStarted');
  const recorded = await gql(
    gw.url,
    RecordPaymentDocument,
    { bookingId, status: 'CONFIRMED', ref: `ref-${randomUUID()}`, amount },
    await clientHeaders(gw, 'PAYMENT_PROVIDER', PROVIDERS[0], ['payments:write']),
  );
  expect(recorded.body.data!.recordPayment.__typename).toBe('PaymentRecorded');
}

const myBookings = async (userId: string, vars: { first: number; after?: string | null; status?: 'PAID' | 'CANCELLED' | null }) =>
  (await gql(gw.url, MyBookingsDocument, vars, await asUser(gw, userId))).body;

describe('me.bookings', () => {
  it("lists the traveller's own bookings newest first with tour, latest payment and next actions; pages by cursor; filters by status", async () => {
    const sql = gw.services.sql;
    const userId = await bareTraveller(gw);
    await setBookingConsent(sql, [userId], true);
    const completed = await book(userId);
    await pay(userId, completed.id, 10_000);
    // The tour ended and the booking completed (what the completion job does), so a review is open.
    await sql.rows('t_end_tour', 'update tours set starts_on = current_date - 5, ends_on = current_date - 1 where id = $1', [completed.tourId]);
    await sql.rows('t_complete', "update bookings set status = 'COMPLETED' where id = $1", [completed.id]);
    const cancelled = await book(userId);
    expect((await gql(gw.url, CancelBookingDocument, { id: cancelled.id, reason: 'передумал' }, await asUser(gw, userId))).body.data!.cancelBooking.__typename).toBe(
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

    const review = await gql(gw.url, CreateReviewDocument, { tourId: completed.tourId, rating: 5, text: 'Отлично' }, await asUser(gw, userId));
    expect(review.body.data!.createReview.__typename).toBe('ReviewCreated');
    const after = (await myBookings(userId, { first: 10, status: null })).data!.me!.bookings.nodes;
    expect(after.find((n) => n.booking.id === completed.id)!.nextActions).toEqual([]);
  });

  it("shows no one else's bookings, and refuses malformed cursors and page sizes", async () => {
    const owner = await bareTraveller(gw);
    await setBookingConsent(gw.services.sql, [owner], true);
    await book(owner);
    const other = await bareTraveller(gw);
    expect((await myBookings(other, { first: 10 })).data!.me!.bookings).toEqual({ nodes: [], pageInfo: { endCursor: null, hasNextPage: false } });
    expect((await myBookings(owner, { first: 10, after: 'bm90LWEtY3Vyc29y' })).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect((await myBookings(owner, { first: 0 })).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const partner = await gql(gw.url, MyBookingsDocument, { first: 10 }, await clientHeaders(gw, 'PARTNER', OPERATORS[1], ['bookings:read']));
    expect(partner.body.errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});
