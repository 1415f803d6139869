import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningGateway } from '../../src/gateway.js';
import {
  CreateBookingDocument,
  CreateReviewDocument,
  GrantConsentDocument,
  MyBookingsDocument,
  RecordPaymentDocument,
  RequestLoginCodeDocument,
  StartPaymentDocument,
  VerifyLoginCodeDocument,
} from '../generated/operations.js';
import { DEV_LOGIN_CODE, startTestGateway } from '../support/gateway.js';
import { waitFor } from '../support/faults.js';
import { gql } from '../support/http.js';
import { bearer } from '../support/tokens.js';
import { clientHeaders, insertTour, OPERATORS, PROVIDERS } from './booking.fixtures.js';

// The traveller's whole trip over HTTP, as the app makes it: the gateway runs the booking jobs every second.
let gw: RunningGateway;
beforeAll(async () => {
  gw = await startTestGateway({ JOBS_INTERVAL_SECONDS: '1' });
});
afterAll(async () => {
  await gw.close();
});

async function signUp(): Promise<Record<string, string>> {
  const phone = `+7797${String(randomInt(1e7)).padStart(7, '0')}`;
  expect((await gql(gw.url, RequestLoginCodeDocument, { phone })).body.data!.requestLoginCode.expiresInSeconds).toBeGreaterThan(0);
  const login = (await gql(gw.url, VerifyLoginCodeDocument, { phone, code: DEV_LOGIN_CODE })).body.data!.verifyLoginCode;
  if (login.__typename !== 'LoginSucceeded') throw new Error(login.__typename);
  expect(login.newAccount).toBe(true);
  return bearer(login.tokens.accessToken);
}

async function myBookings(me: Record<string, string>) {
  return (await gql(gw.url, MyBookingsDocument, { first: 5 }, me)).body.data!.me!.bookings.nodes.map((n) => ({
    status: n.booking.status,
    next: n.nextActions,
    payment: n.payment?.status ?? null,
  }));
}

describe("a traveller's trip", () => {
  it('login, consent, book, pay; the tour ends, the job completes the booking; the traveller reviews it', async () => {
    const me = await signUp();
    expect((await gql(gw.url, GrantConsentDocument, { purpose: 'TOUR_BOOKING' }, me)).body.errors).toBeUndefined();
    const tourId = await insertTour(gw.services.sql, { partnerId: OPERATORS[2], capacity: 4, priceKzt: 45_000, startsInDays: 10 });
    const created = (await gql(gw.url, CreateBookingDocument, { tourId, seats: 2, key: randomUUID() }, me)).body.data!.createBooking;
    if (created.__typename !== 'BookingCreated') throw new Error(created.__typename);
    const bookingId = created.booking.id;
    expect(await myBookings(me)).toEqual([{ status: 'PENDING_PAYMENT', next: ['PAY', 'CANCEL'], payment: null }]);

    expect((await gql(gw.url, StartPaymentDocument, { bookingId, providerId: PROVIDERS[0] }, me)).body.data!.startPayment.__typename).toBe('PaymentStarted');
    const provider = await clientHeaders(gw, 'PAYMENT_PROVIDER', PROVIDERS[0], ['payments:write']);
    const paid = await gql(gw.url, RecordPaymentDocument, { bookingId, status: 'CONFIRMED', ref: `trip-${randomUUID()}`, amount: 90_000 }, provider);
    expect(paid.body.data!.recordPayment.__typename).toBe('PaymentRecorded');
    expect(await myBookings(me)).toEqual([{ status: 'PAID', next: ['CANCEL'], payment: 'CONFIRMED' }]);
    expect((await gql(gw.url, CreateReviewDocument, { tourId, rating: 5, text: 'Ещё не ездил' }, me)).body.data!.createReview.__typename).not.toBe('ReviewCreated');

    // Time passes: the tour has run (the dates of a tour are the partner's; here the clock's).
    await gw.services.sql.rows('t_trip_ended', 'update tours set starts_on = current_date - 3, ends_on = current_date - 1 where id = $1', [tourId]);
    await waitFor('the completion job', async () => (await myBookings(me))[0].status === 'COMPLETED');
    expect(await myBookings(me)).toEqual([{ status: 'COMPLETED', next: ['REVIEW'], payment: 'CONFIRMED' }]);

    const review = (await gql(gw.url, CreateReviewDocument, { tourId, rating: 5, text: 'Отличная поездка, всё как обещали' }, me)).body.data!.createReview;
    expect(review.__typename).toBe('ReviewCreated');
    expect(await myBookings(me)).toEqual([{ status: 'COMPLETED', next: [], payment: 'CONFIRMED' }]);
  });
});
