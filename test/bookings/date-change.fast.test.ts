import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { REFUND_POLICY } from '../../src/payments/refund.policy.js';
import { DEMO_CLIENTS } from '../../seeds/partners.data.js';
import {
  AcceptDateChangeDocument,
  BookingDateChangesDocument,
  CancelBookingDocument,
  CreateBookingDocument,
  MyBookingDateChangesDocument,
  PendingRefundsDocument,
  RecordPaymentDocument,
  RecordRefundDocument,
  StartPaymentDocument,
  UpdateTourDocument,
} from '../generated/operations.js';
import { openApp, type InProcessApp } from '../support/in-process.js';
import { client, traveller as user } from '../support/principals.js';
import { bareTraveller } from '../support/users.js';
import { insertTour, OPERATORS, PROVIDERS, setBookingConsent } from './booking.fixtures.js';

const OPERATOR = OPERATORS[6];
const PROVIDER = PROVIDERS[1];
const PRICE = 40_001;
let app: InProcessApp;
beforeAll(async () => {
  app = await openApp();
});
afterAll(async () => {
  await app.close();
});

const partner = () => client(app, 'PARTNER', OPERATOR);
const provider = () => client(app, 'PAYMENT_PROVIDER', PROVIDER, { scopes: ['payments:write', 'bookings:read'] });
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function traveller(): Promise<string> {
  const id = await bareTraveller(app);
  await setBookingConsent(app.services.sql, [id], true);
  return id;
}

async function book(userId: string, tourId: string): Promise<string> {
  const { body } = await app.run(await user(app, userId), CreateBookingDocument, { tourId, seats: 1, key: randomUUID() });
  const r = body.data!.createBooking;
  if (r.__typename !== 'BookingCreated') throw new Error(r.__typename);
  return r.booking.id;
}

async function bookAndPay(userId: string, tourId: string): Promise<string> {
  const id = await book(userId, tourId);
  expect((await app.run(await user(app, userId), StartPaymentDocument, { bookingId: id, providerId: PROVIDER })).body.data!.startPayment.__typename).toBe('PaymentStarted');
  const paid = await app.run(await provider(), RecordPaymentDocument, { bookingId: id, status: 'CONFIRMED', ref: `pay-${randomUUID()}`, amount: PRICE });
  expect(paid.body.data!.recordPayment.__typename).toBe('PaymentRecorded');
  return id;
}

async function tourDates(tourId: string): Promise<{ startsOn: string; endsOn: string }> {
  const [t] = await app.services.sql.rows<{ startsOn: string; endsOn: string }>(
    't_dc_dates',
    'select starts_on::text as "startsOn", ends_on::text as "endsOn" from tours where id = $1',
    [tourId],
  );
  return t;
}

async function accessUntil(bookingId: string): Promise<Date> {
  const [b] = await app.services.sql.rows<{ until: Date }>('t_dc_until', 'select access_until as until from bookings where id = $1', [bookingId]);
  return b.until;
}

async function refundOf(bookingId: string) {
  const { body } = await app.run(await provider(), PendingRefundsDocument);
  expect(body.errors).toBeUndefined();
  return body.data!.pendingRefunds.find((r) => r.payment.booking.id === bookingId);
}

const myBooking = async (userId: string, bookingId: string) =>
  (await app.run(await user(app, userId), MyBookingDateChangesDocument, { first: 20 })).body.data!.me!.bookings.nodes.find((n) => n.booking.id === bookingId)!;
const cancel = async (id: string, userId: string) =>
  (await app.run(await user(app, userId), CancelBookingDocument, { id, reason: 'новые даты не подходят' })).body.data!.cancelBooking;

describe('a partner moves the dates of a tour with bookings', () => {
  // Both the old and the new start are within the late window: the normal rule refunds only the late share, so a full refund can only
  // come from the date change.
  const [OLD_START, NEW_START, NEW_END] = [3, 5, 8];
  let tourId: string;
  let old: { startsOn: string; endsOn: string };
  let decliner: string;
  let declined: string;
  let keeper: string;
  let kept: string;
  let unpaid: string;
  let unpaidBooking: string;
  let untilBefore: Date;
  beforeAll(async () => {
    tourId = await insertTour(app.services.sql, { partnerId: OPERATOR, capacity: 10, priceKzt: PRICE, startsInDays: OLD_START });
    old = await tourDates(tourId);
    [decliner, keeper, unpaid] = [await traveller(), await traveller(), await traveller()];
    declined = await bookAndPay(decliner, tourId);
    kept = await bookAndPay(keeper, tourId);
    unpaidBooking = await book(unpaid, tourId);
    untilBefore = await accessUntil(kept);
    const moved = await app.run(await partner(), UpdateTourDocument, { id: tourId, changes: { startsOn: inDays(NEW_START), endsOn: inDays(NEW_END) } });
    expect(moved.body.errors).toBeUndefined();
    expect(moved.body.data!.updateTour).toMatchObject({ startsOn: inDays(NEW_START), endsOn: inDays(NEW_END) });
  });

  it('records the change: each traveller sees old and new dates on me.bookings and booking(id), with what they can do; history says who moved them', async () => {
    const change = {
      oldStartsOn: old.startsOn,
      oldEndsOn: old.endsOn,
      newStartsOn: inDays(NEW_START),
      newEndsOn: inDays(NEW_END),
      decision: 'PENDING',
      decidedAt: null,
      options: ['ACCEPT', 'CANCEL_WITH_FULL_REFUND'],
    };
    const mine = await myBooking(decliner, declined);
    expect(mine).toMatchObject({
      booking: { status: 'PAID', tour: { startsOn: inDays(NEW_START), endsOn: inDays(NEW_END) }, dateChanges: [change] },
      payment: { status: 'CONFIRMED' },
      nextActions: ['CANCEL', 'ACCEPT_DATE_CHANGE'],
    });
    expect((await myBooking(unpaid, unpaidBooking)).nextActions).toEqual(['PAY', 'CANCEL', 'ACCEPT_DATE_CHANGE']);

    const one = (await app.run(await user(app, decliner), BookingDateChangesDocument, { id: declined })).body.data!.booking!;
    expect(one.dateChanges).toEqual([change]);
    expect(one.history.map((h) => [h.kind, h.status, h.actorKind])).toEqual([
      ['STATUS_CHANGED', 'PENDING_PAYMENT', 'USER'],
      ['STATUS_CHANGED', 'PAID', 'PAYMENT_PROVIDER'],
      ['DATES_CHANGED', 'PAID', 'PARTNER'],
    ]);
    expect(one.history[2].reason).toBe(`dates moved from ${old.startsOn}..${old.endsOn} to ${inDays(NEW_START)}..${inDays(NEW_END)}`);
    const [record] = await app.services.sql.rows<{ changedBy: string; n: number }>(
      't_dc_record',
      `select changed_by as "changedBy", count(*) over ()::int as n
      from tour_date_changes where tour_id = $1`,
      [tourId],
    );
    expect(record).toEqual({ changedBy: DEMO_CLIENTS.find((c) => c.partnerId === OPERATOR && c.kind === 'PARTNER')!.clientId, n: 1 });
  });

  it("leaves every access window as it was booked: the partner's move alone never moves one", async () => {
    for (const id of [declined, kept, unpaidBooking]) {
      const [r] = await app.services.sql.rows<{ ok: boolean }>('t_dc_window', `select b.access_until = ($2::date + 31)::timestamptz as ok from bookings b where b.id = $1`, [
        id,
        old.endsOn,
      ]);
      expect(r.ok).toBe(true);
    }
  });

  it('cancelling an unanswered change refunds in full, whatever the cancellation rule says; the provider records it; the booking ends REFUNDED', async () => {
    expect(NEW_START).toBeLessThan(REFUND_POLICY.fullRefundDaysBeforeStart);
    expect(await cancel(declined, decliner)).toMatchObject({ __typename: 'BookingCancelled', booking: { status: 'CANCELLED' } });
    const refund = await refundOf(declined);
    expect(refund).toMatchObject({ amountKzt: PRICE, status: 'PENDING', payment: { status: 'CONFIRMED', booking: { status: 'CANCELLED' } } });
    const done = await app.run(await provider(), RecordRefundDocument, { refundId: refund!.id, status: 'REFUNDED', ref: `rf-${randomUUID()}` });
    expect(done.body.data!.recordRefund).toMatchObject({
      __typename: 'RefundRecorded',
      refund: { status: 'REFUNDED', amountKzt: PRICE, payment: { status: 'REFUNDED', booking: { id: declined, status: 'REFUNDED' } } },
    });
    const mine = await myBooking(decliner, declined);
    expect(mine).toMatchObject({ booking: { status: 'REFUNDED', dateChanges: [{ decision: 'CANCELLED', options: [] }] }, payment: { status: 'REFUNDED' }, nextActions: [] });
    expect(mine.booking.dateChanges[0].decidedAt).not.toBeNull();
  });

  it("another traveller keeps the booking: only the acceptance moves the partner's window, to the new end + 30 days", async () => {
    expect(await accessUntil(kept)).toEqual(untilBefore);
    const accepted = await app.run(await user(app, keeper), AcceptDateChangeDocument, { id: kept });
    expect(accepted.body.data!.acceptDateChange).toMatchObject({
      __typename: 'DateChangeAccepted',
      booking: { id: kept, status: 'PAID', dateChanges: [{ decision: 'ACCEPTED', options: [] }] },
    });
    const [r] = await app.services.sql.rows<{ ok: boolean }>('t_dc_moved', `select access_until = ($2::date + 31)::timestamptz as ok from bookings where id = $1`, [
      kept,
      inDays(NEW_END),
    ]);
    expect(r.ok).toBe(true);
    expect((await myBooking(keeper, kept)).nextActions).toEqual(['CANCEL']);
    const history = (await app.run(await user(app, keeper), BookingDateChangesDocument, { id: kept })).body.data!.booking!.history;
    expect(history.at(-1)).toMatchObject({ kind: 'DATES_ACCEPTED', status: 'PAID', actorKind: 'USER' });

    const again = await app.run(await user(app, keeper), AcceptDateChangeDocument, { id: kept });
    expect(again.body.data!.acceptDateChange).toEqual({ __typename: 'DateChangeRefused', reason: 'NO_PENDING_CHANGE' });
    // Having accepted the new dates, the keeper cancels under the normal rule again.
    expect(await cancel(kept, keeper)).toMatchObject({ __typename: 'BookingCancelled' });
    expect((await refundOf(kept))!.amountKzt).toBe(Math.floor(PRICE * REFUND_POLICY.lateRefundShare));
  });

  it('no one else answers for the traveller, and a closed booking has nothing to answer', async () => {
    const other = await traveller();
    const foreign = await app.run(await user(app, other), AcceptDateChangeDocument, { id: unpaidBooking });
    expect(foreign.body.errors![0].extensions!.code).toBe('NOT_FOUND');
    const byPartner = await app.run(await partner(), AcceptDateChangeDocument, { id: unpaidBooking });
    expect(byPartner.body.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(await cancel(unpaidBooking, unpaid)).toMatchObject({ __typename: 'BookingCancelled' });
    const closed = await app.run(await user(app, unpaid), AcceptDateChangeDocument, { id: unpaidBooking });
    expect(closed.body.data!.acceptDateChange).toEqual({ __typename: 'DateChangeRefused', reason: 'BOOKING_CLOSED' });
    const [{ n }] = await app.services.sql.rows<{ n: number }>(
      't_dc_unpaid_refunds',
      'select count(*)::int as n from refunds r join payments p on p.id = r.payment_id where p.booking_id = $1',
      [unpaidBooking],
    );
    expect(n).toBe(0);
  });
});

describe('bookings without a change', () => {
  it('keep the normal cancellation rule, also on a tour whose dates moved before they were made', async () => {
    const tourId = await insertTour(app.services.sql, { partnerId: OPERATOR, capacity: 10, priceKzt: PRICE, startsInDays: 10 });
    const early = await traveller();
    await bookAndPay(early, tourId);
    expect((await app.run(await partner(), UpdateTourDocument, { id: tourId, changes: { startsOn: inDays(3), endsOn: inDays(5) } })).body.errors).toBeUndefined();
    const late = await traveller();
    const after = await bookAndPay(late, tourId);
    const mine = await myBooking(late, after);
    expect(mine).toMatchObject({ booking: { dateChanges: [] }, nextActions: ['CANCEL'] });
    const [r] = await app.services.sql.rows<{ ok: boolean }>('t_dc_new_window', `select access_until = ($2::date + 31)::timestamptz as ok from bookings where id = $1`, [
      after,
      inDays(5),
    ]);
    expect(r.ok).toBe(true);
    await cancel(after, late);
    expect((await refundOf(after))!.amountKzt).toBe(Math.floor(PRICE * REFUND_POLICY.lateRefundShare));
  });

  it('a change of other fields records no date change', async () => {
    const tourId = await insertTour(app.services.sql, { partnerId: OPERATOR, capacity: 10, priceKzt: PRICE });
    const id = await book(await traveller(), tourId);
    const dates = await tourDates(tourId);
    const renamed = await app.run(await partner(), UpdateTourDocument, { id: tourId, changes: { title: 'Чарынский каньон', ...dates } });
    expect(renamed.body.errors).toBeUndefined();
    const [{ n }] = await app.services.sql.rows<{ n: number }>('t_dc_none', 'select count(*)::int as n from booking_date_decisions where booking_id = $1', [id]);
    expect(n).toBe(0);
  });
});

describe('date moves that make no sense are refused with the field named, and record nothing', () => {
  it('end before start, a start today or in the past, a tour that has started', async () => {
    const tourId = await insertTour(app.services.sql, { partnerId: OPERATOR, capacity: 10, startsInDays: 12 });
    await book(await traveller(), tourId);
    const started = await insertTour(app.services.sql, { partnerId: OPERATOR, capacity: 10, startsInDays: -1 });
    const cases: [string, Record<string, string>, string][] = [
      [tourId, { startsOn: inDays(20), endsOn: inDays(18) }, 'endsOn'],
      [tourId, { endsOn: inDays(5) }, 'endsOn'],
      [tourId, { startsOn: inDays(0) }, 'startsOn'],
      [tourId, { startsOn: inDays(-3), endsOn: inDays(30) }, 'startsOn'],
      [started, { endsOn: inDays(9) }, 'startsOn'],
    ];
    for (const [id, changes, field] of cases) {
      const { body } = await app.run(await partner(), UpdateTourDocument, { id, changes });
      expect(body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(body.errors![0].message).toMatch(new RegExp(field));
    }
    const [{ n }] = await app.services.sql.rows<{ n: number }>('t_dc_refused', 'select count(*)::int as n from tour_date_changes where tour_id = any($1::uuid[])', [
      [tourId, started],
    ]);
    expect(n).toBe(0);
  });
});
