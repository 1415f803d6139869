import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningGateway } from '../../src/gateway.js';
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
import { startTestGateway } from '../support/gateway.js';
import { gql } from '../support/http.js';
import { asUser, bareTraveller } from '../support/users.js';
import { clientHeaders, insertTour, OPERATORS, PROVIDERS, setBookingConsent } from '../bookings/booking.fixtures.js';

let gw: RunningGateway;
let userId: string;
beforeAll(async () => {
  gw = await startTestGateway();
  userId = await bareTraveller(gw);
  await setBookingConsent(gw.services.sql, [userId], true);
});
afterAll(async () => {
  await gw.close();
});

const provider = (i = 0) => clientHeaders(gw, 'PAYMENT_PROVIDER', PROVIDERS[i], ['payments:write', 'bookings:read']);

async function paidBooking(startsInDays: number, priceKzt = 30_001): Promise<string> {
  const tourId = await insertTour(gw.services.sql, { partnerId: OPERATORS[5], capacity: 4, priceKzt, startsInDays });
  const { body } = await gql(gw.url, CreateBookingDocument, { tourId, seats: 1, key: randomUUID() }, await asUser(gw, userId));
  const r = body.data!.createBooking;
  if (r.__typename !== 'BookingCreated') throw new Error(r.__typename);
  expect((await gql(gw.url, StartPaymentDocument, { bookingId: r.booking.id, providerId: PROVIDERS[0] }, await asUser(gw, userId))).body.data!.startPayment.__typename).toBe(
    'PaymentStarted',
  );
  const paid = await gql(gw.url, RecordPaymentDocument, { bookingId: r.booking.id, status: 'CONFIRMED', ref: `pay-${randomUUID()}`, amount: priceKzt }, await provider());
  expect(paid.body.data!.recordPayment.__typename).toBe('PaymentRecorded');
  return r.booking.id;
}

async function refundOf(bookingId: string) {
  const { body } = await gql(gw.url, PendingRefundsDocument, undefined, await provider());
  expect(body.errors).toBeUndefined();
  return body.data!.pendingRefunds.find((r) => r.payment.booking.id === bookingId);
}

const cancel = async (id: string, headers: Record<string, string>) =>
  (await gql(gw.url, CancelBookingDocument, { id, reason: 'не смогу поехать' }, headers)).body.data!.cancelBooking;

describe('refunds', () => {
  it('cancelling a paid booking early opens a full refund; the provider records it once; payment and booking end REFUNDED', async () => {
    const id = await paidBooking(REFUND_POLICY.fullRefundDaysBeforeStart + 10);
    expect(await cancel(id, await asUser(gw, userId))).toMatchObject({ __typename: 'BookingCancelled', booking: { status: 'CANCELLED' } });
    const refund = await refundOf(id);
    expect(refund).toMatchObject({ amountKzt: 30_001, status: 'PENDING', payment: { status: 'CONFIRMED', booking: { status: 'CANCELLED' } } });

    const other = await gql(gw.url, RecordRefundDocument, { refundId: refund!.id, status: 'REFUNDED', ref: 'rf-1' }, await provider(1));
    expect(other.body.errors![0].extensions!.code).toBe('NOT_FOUND');
    const done = await gql(gw.url, RecordRefundDocument, { refundId: refund!.id, status: 'REFUNDED', ref: 'rf-1' }, await provider());
    expect(done.body.data!.recordRefund).toMatchObject({
      __typename: 'RefundRecorded',
      refund: { status: 'REFUNDED', externalRef: 'rf-1', payment: { status: 'REFUNDED', booking: { id, status: 'REFUNDED' } } },
    });
    const again = await gql(gw.url, RecordRefundDocument, { refundId: refund!.id, status: 'REFUNDED', ref: 'rf-1' }, await provider());
    expect(again.body.data!.recordRefund).toMatchObject({ __typename: 'RefundRecorded', refund: { id: refund!.id, status: 'REFUNDED' } });
    const changed = await gql(gw.url, RecordRefundDocument, { refundId: refund!.id, status: 'FAILED', ref: 'rf-2' }, await provider());
    expect(changed.body.data!.recordRefund).toEqual({ __typename: 'RefundRejected', reason: 'NOT_PENDING' });
    expect(await refundOf(id)).toBeUndefined();

    const history = (await gql(gw.url, BookingHistoryDocument, { id }, await asUser(gw, userId))).body.data!.booking!.history;
    expect(history.map((h) => [h.status, h.actorKind])).toEqual([
      ['PENDING_PAYMENT', 'USER'],
      ['PAID', 'PAYMENT_PROVIDER'],
      ['CANCELLED', 'USER'],
      ['REFUNDED', 'PAYMENT_PROVIDER'],
    ]);
    const mine = (await gql(gw.url, MyBookingsDocument, { first: 20 }, await asUser(gw, userId))).body.data!.me!.bookings.nodes.find((n) => n.booking.id === id);
    expect(mine).toMatchObject({ booking: { status: 'REFUNDED' }, payment: { status: 'REFUNDED' }, nextActions: [] });
  });

  it('a late cancellation by the traveller refunds the late share; the partner cancelling refunds in full; an unpaid cancellation owes nothing', async () => {
    const late = await paidBooking(2);
    await cancel(late, await asUser(gw, userId));
    expect((await refundOf(late))!.amountKzt).toBe(Math.floor(30_001 * REFUND_POLICY.lateRefundShare));

    const byPartner = await paidBooking(2);
    await cancel(byPartner, await clientHeaders(gw, 'PARTNER', OPERATORS[5], ['bookings:read']));
    expect((await refundOf(byPartner))!.amountKzt).toBe(30_001);

    const tourId = await insertTour(gw.services.sql, { partnerId: OPERATORS[5], capacity: 4 });
    const { body } = await gql(gw.url, CreateBookingDocument, { tourId, seats: 1, key: randomUUID() }, await asUser(gw, userId));
    if (body.data!.createBooking.__typename !== 'BookingCreated') throw new Error(body.data!.createBooking.__typename);
    const unpaid = body.data!.createBooking.booking.id;
    await cancel(unpaid, await asUser(gw, userId));
    expect(await refundOf(unpaid)).toBeUndefined();
    const [owed] = await gw.services.sql.rows<{ n: number }>(
      't_refund_count',
      'select count(*)::int as n from refunds r join payments p on p.id = r.payment_id where p.booking_id = $1',
      [unpaid],
    );
    expect(owed.n).toBe(0);
  });

  it('travellers and partners cannot list or record refunds', async () => {
    for (const headers of [await asUser(gw, userId), await clientHeaders(gw, 'PARTNER', OPERATORS[5], ['bookings:read'])]) {
      expect((await gql(gw.url, PendingRefundsDocument, undefined, headers)).body.errors![0].extensions!.code).toBe('FORBIDDEN');
      expect((await gql(gw.url, RecordRefundDocument, { refundId: randomUUID(), status: 'REFUNDED', ref: 'x' }, headers)).body.errors![0].extensions!.code).toBe('FORBIDDEN');
    }
  });
});
