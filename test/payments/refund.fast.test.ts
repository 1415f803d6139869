import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Principal } from '../../src/access/principal.js';
import { REFUND_POLICY } from '../../src/payments/refund.policy.js';
import {
  BookingHistoryDocument,
  CancelBookingDocument,
  CreateBookingDocument,
  MyBookingsDocument,
  PendingRefundsDocument,
  RecordPaymentDocument,
  RecordRefundDocument,
  StartPaymentDocument,
} from '../generated/operations.js';
import { openApp, type InProcessApp } from '../support/in-process.js';
import { client, traveller } from '../support/principals.js';
import { bareTraveller } from '../support/users.js';
import { insertTour, OPERATORS, PROVIDERS, setBookingConsent } from '../bookings/booking.fixtures.js';

let app: InProcessApp;
let userId: string;
beforeAll(async () => {
  app = await openApp();
  userId = await bareTraveller(app);
  await setBookingConsent(app.services.sql, [userId], true);
});
afterAll(async () => {
  await app.close();
});

const provider = (i = 0) => client(app, 'PAYMENT_PROVIDER', PROVIDERS[i], { scopes: ['payments:write', 'bookings:read'] });

async function paidBooking(startsInDays: number, priceKzt = 30_001): Promise<string> {
  const tourId = await insertTour(app.services.sql, { partnerId: OPERATORS[5], capacity: 4, priceKzt, startsInDays });
  const { body } = await app.run(await traveller(app, userId), CreateBookingDocument, { tourId, seats: 1, key: randomUUID() });
  const r = body.data!.createBooking;
  if (r.__typename !== 'BookingCreated') throw new Error(r.__typename);
  expect((await app.run(await traveller(app, userId), StartPaymentDocument, { bookingId: r.booking.id, providerId: PROVIDERS[0] })).body.data!.startPayment.__typename).toBe(
    'PaymentStarted',
  );
  const paid = await app.run(await provider(), RecordPaymentDocument, { bookingId: r.booking.id, status: 'CONFIRMED', ref: `pay-${randomUUID()}`, amount: priceKzt });
  expect(paid.body.data!.recordPayment.__typename).toBe('PaymentRecorded');
  return r.booking.id;
}

async function refundOf(bookingId: string) {
  const { body } = await app.run(await provider(), PendingRefundsDocument);
  expect(body.errors).toBeUndefined();
  return body.data!.pendingRefunds.find((r) => r.payment.booking.id === bookingId);
}

const cancel = async (id: string, principal: Principal) => (await app.run(principal, CancelBookingDocument, { id, reason: 'не смогу поехать' })).body.data!.cancelBooking;

describe('refunds', () => {
  it('cancelling a paid booking early opens a full refund; the provider records it once; payment and booking end REFUNDED', async () => {
    const id = await paidBooking(REFUND_POLICY.fullRefundDaysBeforeStart + 10);
    expect(await cancel(id, await traveller(app, userId))).toMatchObject({ __typename: 'BookingCancelled', booking: { status: 'CANCELLED' } });
    const refund = await refundOf(id);
    expect(refund).toMatchObject({ amountKzt: 30_001, status: 'PENDING', payment: { status: 'CONFIRMED', booking: { status: 'CANCELLED' } } });

    const other = await app.run(await provider(1), RecordRefundDocument, { refundId: refund!.id, status: 'REFUNDED', ref: 'rf-1' });
    expect(other.body.errors![0].extensions!.code).toBe('NOT_FOUND');
    const done = await app.run(await provider(), RecordRefundDocument, { refundId: refund!.id, status: 'REFUNDED', ref: 'rf-1' });
    expect(done.body.data!.recordRefund).toMatchObject({
      __typename: 'RefundRecorded',
      refund: { status: 'REFUNDED', externalRef: 'rf-1', payment: { status: 'REFUNDED', booking: { id, status: 'REFUNDED' } } },
    });
    const again = await app.run(await provider(), RecordRefundDocument, { refundId: refund!.id, status: 'REFUNDED', ref: 'rf-1' });
    expect(again.body.data!.recordRefund).toMatchObject({ __typename: 'RefundRecorded', refund: { id: refund!.id, status: 'REFUNDED' } });
    const changed = await app.run(await provider(), RecordRefundDocument, { refundId: refund!.id, status: 'FAILED', ref: 'rf-2' });
    expect(changed.body.data!.recordRefund).toEqual({ __typename: 'RefundRejected', reason: 'NOT_PENDING' });
    expect(await refundOf(id)).toBeUndefined();

    const history = (await app.run(await traveller(app, userId), BookingHistoryDocument, { id })).body.data!.booking!.history;
    expect(history.map((h) => [h.status, h.actorKind])).toEqual([
      ['PENDING_PAYMENT', 'USER'],
      ['PAID', 'PAYMENT_PROVIDER'],
      ['CANCELLED', 'USER'],
      ['REFUNDED', 'PAYMENT_PROVIDER'],
    ]);
    const mine = (await app.run(await traveller(app, userId), MyBookingsDocument, { first: 20 })).body.data!.me!.bookings.nodes.find((n) => n.booking.id === id);
    expect(mine).toMatchObject({ booking: { status: 'REFUNDED' }, payment: { status: 'REFUNDED' }, nextActions: [] });
  });

  it('a late cancellation by the traveller refunds the late share; the partner cancelling refunds in full; an unpaid cancellation owes nothing', async () => {
    const late = await paidBooking(2);
    await cancel(late, await traveller(app, userId));
    expect((await refundOf(late))!.amountKzt).toBe(Math.floor(30_001 * REFUND_POLICY.lateRefundShare));

    const byPartner = await paidBooking(2);
    await cancel(byPartner, await client(app, 'PARTNER', OPERATORS[5], { scopes: ['bookings:read'] }));
    expect((await refundOf(byPartner))!.amountKzt).toBe(30_001);

    const tourId = await insertTour(app.services.sql, { partnerId: OPERATORS[5], capacity: 4 });
    const { body } = await app.run(await traveller(app, userId), CreateBookingDocument, { tourId, seats: 1, key: randomUUID() });
    if (body.data!.createBooking.__typename !== 'BookingCreated') throw new Error(body.data!.createBooking.__typename);
    const unpaid = body.data!.createBooking.booking.id;
    await cancel(unpaid, await traveller(app, userId));
    expect(await refundOf(unpaid)).toBeUndefined();
    const [owed] = await app.services.sql.rows<{ n: number }>(
      't_refund_count',
      'select count(*)::int as n from refunds r join payments p on p.id = r.payment_id where p.booking_id = $1',
      [unpaid],
    );
    expect(owed.n).toBe(0);
  });

  it('travellers and partners cannot list or record refunds', async () => {
    for (const principal of [await traveller(app, userId), await client(app, 'PARTNER', OPERATORS[5], { scopes: ['bookings:read'] })]) {
      expect((await app.run(principal, PendingRefundsDocument)).body.errors![0].extensions!.code).toBe('FORBIDDEN');
      expect((await app.run(principal, RecordRefundDocument, { refundId: randomUUID(), status: 'REFUNDED', ref: 'x' })).body.errors![0].extensions!.code).toBe('FORBIDDEN');
    }
  });
});
