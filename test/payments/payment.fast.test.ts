import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
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
import { openApp, type InProcessApp } from '../support/in-process.js';
import { client, traveller } from '../support/principals.js';
import { checkPerson, expectation, rawPerson } from '../privacy/exposure.fixtures.js';
import { insertTour, OPERATORS, PROVIDERS, setBookingConsent, travellers } from '../bookings/booking.fixtures.js';

let app: InProcessApp;
let users: string[];
beforeAll(async () => {
  app = await openApp();
  users = await travellers(app.services.sql, 2, 20);
  await setBookingConsent(app.services.sql, users, true);
});
afterAll(async () => {
  await app.close();
});

async function newBooking(userId = users[0]): Promise<string> {
  const tourId = await insertTour(app.services.sql, { partnerId: OPERATORS[6], capacity: 10, priceKzt: 30_000 });
  const { body } = await app.run(await traveller(app, userId), CreateBookingDocument, { tourId, seats: 2, key: randomUUID() });
  if (body.data!.createBooking.__typename !== 'BookingCreated') throw new Error('booking failed');
  return body.data!.createBooking.booking.id;
}

async function start(bookingId: string, providerId: string, userId = users[0]) {
  return (await app.run(await traveller(app, userId), StartPaymentDocument, { bookingId, providerId })).body;
}

async function report(providerId: string, bookingId: string, status: 'CONFIRMED' | 'FAILED', amount: number, ref = 'DP-000123', scope?: string[]) {
  return (await app.run(await client(app, 'PAYMENT_PROVIDER', providerId, { scopes: scope }), RecordPaymentDocument, { bookingId, status, ref, amount })).body;
}

async function bookingStatus(id: string): Promise<string> {
  const [row] = await app.services.sql.rows<{ status: string }>('t_booking_status', 'select status from bookings where id = $1', [id]);
  return row.status;
}

describe('payments', () => {
  it('lists the providers a traveller can choose', async () => {
    const { body } = await app.run(await traveller(app, users[0]), PaymentProvidersDocument);
    const registered = await app.services.sql.rows<{ id: string }>('t_pay_providers', "select id from partners where kind = 'PAYMENT_PROVIDER'");
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

    const history = (await app.run(await traveller(app, users[0]), BookingHistoryDocument, { id })).body.data!.booking!.history;
    expect(history.map((h) => [h.status, h.actorKind])).toEqual([
      ['PENDING_PAYMENT', 'USER'],
      ['PAID', 'PAYMENT_PROVIDER'],
    ]);
  });

  it("the processing provider sees the payer's name, e-mail and phone, logged; another provider sees nothing", async () => {
    const id = await newBooking(users[1]);
    await start(id, PROVIDERS[0], users[1]);
    const res = await app.run(await client(app, 'PAYMENT_PROVIDER', PROVIDERS[0]), ProviderPaymentPayersDocument);
    expect(res.body.errors).toBeUndefined();
    const payment = res.body.data!.providerPayments.nodes.find((p) => p.booking.id === id)!;
    expect(checkPerson(payment.payer as Record<string, unknown>, await rawPerson(app, users[1]), expectation(['fullName', 'email', 'phone']))).toEqual([]);
    // Reached as the booking's traveller instead of as the payer, the same person is public to the provider.
    const asTraveller = await app.run(await client(app, 'PAYMENT_PROVIDER', PROVIDERS[0]), PaidBookingTravellerDocument, { id });
    expect(checkPerson(asTraveller.body.data!.booking!.traveller as Record<string, unknown>, await rawPerson(app, users[1]), expectation([], ['fullName']))).toEqual([]);
    const logged = await app.services.sql.rows<{ kinds: string[] }>(
      't_provider_disclosures',
      "select kinds from disclosures where request_id = $1 and recipient_kind = 'PAYMENT_PROVIDER' and subject_id = $2 and edge = 'PAYMENT_PAYER' and reference_id = $3",
      [res.requestId, users[1], payment.id],
    );
    expect(logged).toHaveLength(1);
    expect([...logged[0].kinds].sort()).toEqual(['EMAIL', 'FULL_NAME', 'PHONE']);
    const other = await app.run(await client(app, 'PAYMENT_PROVIDER', PROVIDERS[1]), PaidBookingTravellerDocument, { id });
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
    await app.run(await traveller(app, users[0]), CancelBookingDocument, { id, reason: 'передумал' });
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
    for (const principal of [await client(app, 'PARTNER', OPERATORS[6]), await traveller(app, users[0])]) {
      const { body } = await app.run(principal, RecordPaymentDocument, { bookingId: id, status: 'CONFIRMED', ref: 'X-1', amount: 60_000 });
      expect(body.errors![0].extensions!.code).toBe('FORBIDDEN');
    }
    expect((await report(PROVIDERS[0], id, 'CONFIRMED', 60_000, 'has space')).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'externalRef' });
    expect(await bookingStatus(id)).toBe('PENDING_PAYMENT');
  });
});
