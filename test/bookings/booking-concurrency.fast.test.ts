import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CreateBookingDocument } from '../generated/operations.js';
import { openApp, type InProcessApp } from '../support/in-process.js';
import { traveller } from '../support/principals.js';
import { insertTour, OPERATORS, setBookingConsent, tourSeats, travellers } from './booking.fixtures.js';

let app: InProcessApp;
beforeAll(async () => {
  app = await openApp();
});
afterAll(async () => {
  await app.close();
});

describe('capacity under concurrency', () => {
  it('50 travellers racing for the last seat: exactly one booking, 49 sold out, never overbooked', async () => {
    const sql = app.services.sql;
    const users = await travellers(sql, 50, 100, false);
    await setBookingConsent(sql, users, true);
    const tourId = await insertTour(sql, { partnerId: OPERATORS[1], capacity: 12, seatsBooked: 11 });
    const principals = await Promise.all(users.map((u) => traveller(app, u)));
    const results = await Promise.all(principals.map((p) => app.run(p, CreateBookingDocument, { tourId, seats: 1, key: randomUUID() })));
    for (const r of results) expect(r.body.errors).toBeUndefined();
    const kinds = results.map((r) => r.body.data!.createBooking.__typename);
    expect(kinds.filter((k) => k === 'BookingCreated')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'TourSoldOut')).toHaveLength(49);
    for (const r of results) if (r.body.data!.createBooking.__typename === 'TourSoldOut') expect(r.body.data!.createBooking).toEqual({ __typename: 'TourSoldOut', seatsLeft: 0 });
    const seats = await tourSeats(sql, tourId);
    expect(seats.seatsBooked).toBe(seats.capacity);
    expect(seats.held).toBe(1);
  });

  it('many seats at once: the sum booked never exceeds capacity', async () => {
    const sql = app.services.sql;
    const users = await travellers(sql, 30, 100, false);
    const tourId = await insertTour(sql, { partnerId: OPERATORS[1], capacity: 20 });
    const results = await Promise.all(users.map(async (u, i) => app.run(await traveller(app, u), CreateBookingDocument, { tourId, seats: 1 + (i % 3), key: randomUUID() })));
    const booked = results.reduce((n, r) => {
      const x = r.body.data!.createBooking;
      return n + (x.__typename === 'BookingCreated' ? x.booking.seats : 0);
    }, 0);
    const seats = await tourSeats(sql, tourId);
    expect(seats.seatsBooked).toBe(booked);
    expect(seats.held).toBe(booked);
    expect(booked).toBeLessThanOrEqual(20);
    expect(booked).toBeGreaterThanOrEqual(18);
  });
});
