import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningGateway } from '../../src/gateway.js';
import { startTestGateway } from '../support/gateway.js';
import { postQuery, sqlStatementsTotal } from '../support/http.js';
import { insertTour, OPERATORS, setBookingConsent, travellers, userHeaders } from './booking.fixtures.js';

// Statements are counted on the gateway's /metrics, and a token's standing is what is kept between them: both HTTP only.
let gw: RunningGateway;
let users: string[];
beforeAll(async () => {
  gw = await startTestGateway();
  users = await travellers(gw.services.sql, 1, 0);
  await setBookingConsent(gw.services.sql, users, true);
});
afterAll(async () => {
  await gw.close();
});

describe('createBooking', () => {
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
});
