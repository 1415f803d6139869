import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningGateway } from '../../src/gateway.js';
import {
  BookingHistoryDocument,
  CancelBookingDocument,
  CreateBookingDocument,
  PaidBookingTravellerDocument,
  PaymentProvidersDocument,
  ProviderPaymentPayersDocument,
  RecordPaymentDocument,
  StartPaymentDocument,
} from '../generated/operations.js';
import { startTestGateway } from '../support/gateway.js';
import { gql } from '../support/http.js';
import { checkPerson, expectation, rawPerson } from '../privacy/exposure.fixtures.js';
import { clientHeaders, insertTour, OPERATORS, PROVIDERS, setBookingConsent, travellers, userHeaders } from '../bookings/booking.fixtures.js';

let gw: RunningGateway;
let users: string[];
beforeAll(async () => {
  gw = await startTestGateway();
  users = await travellers(gw.services.sql, 2, 20);
  await setBookingConsent(gw.services.sql, users, true);
});
afterAll(async () => {
  await gw.close();
});

async function newBooking(userId = users[0]): Promise<string> {
  const tourId = await insertTour(gw.services.sql, { partnerId: OPERATORS[6], capacity: 10, priceKzt: 30_000 });
  const { body } = await gql(gw.url, CreateBookingDocument, { tourId, seats: 2, key: randomUUID() }, await userHeaders(gw, userId));
  if (body.data!.createBooking.__typename !== 'BookingCreated') throw new Error('booking failed');
  return body.data!.createBooking.booking.id;
}

async function start(bookingId: string, providerId: string, userId = users[0]) {
  return (await gql(gw.url, StartPaymentDocument, { bookingId, providerId }, await userHeaders(gw, userId))).body;
}

async function report(providerId: string, bookingId: string, status: 'CONFIRMED' | 'FAILED', amount: number, ref = 'DP-000123', scope?: string[]) {
  return (await gql(gw.url, RecordPaymentDocument, { bookingId, status, ref, amount }, await clientHeaders(gw, 'PAYMENT_PROVIDER', providerId, scope))).body;
}

async function bookingStatus(id: string): Promise<string> {
  const [row] = await gw.services.sql.rows<{ status: string }>('t_booking_status', 'select status from bookings where id = $1', [id]);
  return row.status;
}

describe('payments', () => {
  it('lists the providers a traveller can choose', async () => {
    const { body } = await gql(gw.url, PaymentProvidersDocument, undefined, await userHeaders(gw, users[0]));
    const registered = await gw.services.sql.rows<{ id: string }>('t_pay_providers', "select id from partners where kind = 'PAYMENT_PROVIDER'");
    expect(registered.map((r) => r.id)).toEqual(expect.arrayContaining([...PROVIDERS]));
    expect(body.data!.paymentProviders.map((p) => p.id).sort()).toEqual(registered.map((r) => r.id).sort());
  });

  it('the chosen provider alone confirms the exact amount, and only then the booking is PAID', async () => {
    const id = await newBooking();
    const started = await start(id, PROVIDERS[0]);
    expect(started.data!.startPayment).toMatchObject({
      __typename: 'PaymentStarted',
      payment: { status: 'PENDING', amountKzt: 60_000, provider: { id: PROVIDERS[0] }, booking: { id } },
    });
    const paymentId = started.data!.startPayment.__typename === 'PaymentStarted' ? started.data!.startPayment.payment.id : '';
    const again = await start(id, PROVIDERS[0]);
    expect(again.data!.startPayment).toMatchObject({ payment: { id: paymentId } });
    expect((await start(id, PROVIDERS[1])).data!.startPayment).toEqual({ __typename: 'PaymentRefused', reason: 'PAYMENT_IN_PROGRESS' });

    const stranger = await report(PROVIDERS[1], id, 'CONFIRMED', 60_000);
    expect(stranger.errors![0].extensions!.code).toBe('NOT_FOUND');
    expect((await report(PROVIDERS[0], id, 'CONFIRMED', 59_999)).data!.recordPayment).toEqual({ __typename: 'PaymentRejected', reason: 'AMOUNT_MISMATCH' });
    expect(await bookingStatus(id)).toBe('PENDING_PAYMENT');

    const ok = await report(PROVIDERS[0], id, 'CONFIRMED', 60_000);
    expect(ok.data!.recordPayment).toMatchObject({
      __typename: 'PaymentRecorded',
      payment: { id: paymentId, status: 'CONFIRMED', externalRef: 'DP-000123', booking: { status: 'PAID' } },
    });
    expect(await bookingStatus(id)).toBe('PAID');
    expect((await report(PROVIDERS[0], id, 'CONFIRMED', 60_000)).data!.recordPayment).toMatchObject({ __typename: 'PaymentRecorded', payment: { id: paymentId } });
    expect((await report(PROVIDERS[0], id, 'FAILED', 60_000, 'DP-999')).data!.recordPayment).toEqual({ __typename: 'PaymentRejected', reason: 'NOT_PENDING' });
    expect((await start(id, PROVIDERS[1])).data!.startPayment).toEqual({ __typename: 'PaymentRefused', reason: 'NOT_PAYABLE' });

    const history = (await gql(gw.url, BookingHistoryDocument, { id }, await userHeaders(gw, users[0]))).body.data!.booking!.history;
    expect(history.map((h) => [h.status, h.actorKind])).toEqual([
      ['PENDING_PAYMENT', 'USER'],
      ['PAID', 'PAYMENT_PROVIDER'],
    ]);
  });

  it("the processing provider sees the payer's name, e-mail and phone, logged; another provider sees nothing", async () => {
    const id = await newBooking(users[1]);
    await start(id, PROVIDERS[0], users[1]);
    const res = await gql(gw.url, ProviderPaymentPayersDocument, undefined, await clientHeaders(gw, 'PAYMENT_PROVIDER', PROVIDERS[0]));
    expect(res.body.errors).toBeUndefined();
    const payment = res.body.data!.providerPayments.nodes.find((p) => p.booking.id === id)!;
    expect(checkPerson(payment.payer as Record<string, unknown>, await rawPerson(gw, users[1]), expectation(['fullName', 'email', 'phone']))).toEqual([]);
    // Reached as the booking's traveller instead of as the payer, the same person is public to the provider.
    const asTraveller = await gql(gw.url, PaidBookingTravellerDocument, { id }, await clientHeaders(gw, 'PAYMENT_PROVIDER', PROVIDERS[0]));
    expect(checkPerson(asTraveller.body.data!.booking!.traveller as Record<string, unknown>, await rawPerson(gw, users[1]), expectation([], ['fullName']))).toEqual([]);
    const logged = await gw.services.sql.rows<{ kinds: string[] }>(
      't_provider_disclosures',
      "select kinds from disclosures where request_id = $1 and recipient_kind = 'PAYMENT_PROVIDER' and subject_id = $2 and edge = 'PAYMENT_PAYER' and reference_id = $3",
      [res.headers.get('x-request-id'), users[1], payment.id],
    );
    expect(logged).toHaveLength(1);
    expect([...logged[0].kinds].sort()).toEqual(['EMAIL', 'FULL_NAME', 'PHONE']);
    const other = await gql(gw.url, PaidBookingTravellerDocument, { id }, await clientHeaders(gw, 'PAYMENT_PROVIDER', PROVIDERS[1]));
    expect(other.body.errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it('a failed payment leaves the booking payable through another provider', async () => {
    const id = await newBooking();
    await start(id, PROVIDERS[1]);
    expect((await report(PROVIDERS[1], id, 'FAILED', 60_000, 'TC-1')).data!.recordPayment).toMatchObject({ payment: { status: 'FAILED' } });
    expect(await bookingStatus(id)).toBe('PENDING_PAYMENT');
    expect((await start(id, PROVIDERS[0])).data!.startPayment).toMatchObject({ __typename: 'PaymentStarted', payment: { provider: { id: PROVIDERS[0] } } });
    expect((await report(PROVIDERS[1], id, 'CONFIRMED', 60_000, 'TC-1')).data!.recordPayment).toEqual({ __typename: 'PaymentRejected', reason: 'NOT_PENDING' });
    expect(await bookingStatus(id)).toBe('PENDING_PAYMENT');
  });

  it('a booking cancelled while its payment is pending is never marked PAID', async () => {
    const id = await newBooking();
    await start(id, PROVIDERS[0]);
    await gql(gw.url, CancelBookingDocument, { id, reason: 'передумал' }, await userHeaders(gw, users[0]));
    expect((await report(PROVIDERS[0], id, 'CONFIRMED', 60_000)).data!.recordPayment).toEqual({ __typename: 'PaymentRejected', reason: 'BOOKING_NOT_PAYABLE' });
    expect(await bookingStatus(id)).toBe('CANCELLED');
    expect((await start(id, PROVIDERS[0])).data!.startPayment).toEqual({ __typename: 'PaymentRefused', reason: 'NOT_PAYABLE' });
  });

  it('travellers pay only their own bookings through real providers', async () => {
    const id = await newBooking();
    expect((await start(id, PROVIDERS[0], users[1])).errors![0].extensions!.code).toBe('NOT_FOUND');
    expect((await start(id, OPERATORS[0])).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'providerId' });
  });

  it('recordPayment needs a payment provider client with payments:write', async () => {
    const id = await newBooking();
    await start(id, PROVIDERS[0]);
    expect((await report(PROVIDERS[0], id, 'CONFIRMED', 60_000, 'DP-1', ['bookings:read'])).errors![0].extensions!.code).toBe('FORBIDDEN');
    for (const headers of [await clientHeaders(gw, 'PARTNER', OPERATORS[6]), await userHeaders(gw, users[0])]) {
      const { body } = await gql(gw.url, RecordPaymentDocument, { bookingId: id, status: 'CONFIRMED', ref: 'X-1', amount: 60_000 }, headers);
      expect(body.errors![0].extensions!.code).toBe('FORBIDDEN');
    }
    expect((await report(PROVIDERS[0], id, 'CONFIRMED', 60_000, 'has space')).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'externalRef' });
    expect(await bookingStatus(id)).toBe('PENDING_PAYMENT');
  });
});
