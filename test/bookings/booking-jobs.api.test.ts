import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { RunningGateway } from '../../src/gateway.js';
import { BOOKING_JOBS_LOCK } from '../../src/bookings/booking.jobs.js';
import {
  BookingHistoryDocument,
  CreateBookingDocument,
  CreateReviewDocument,
  DeleteMyAccountDocument,
  MyBookingsDocument,
  RecordPaymentDocument,
  StartPaymentDocument,
} from '../generated/operations.js';
import { startTestGateway } from '../support/gateway.js';
import { gql } from '../support/http.js';
import { asUser, bareTraveller } from '../support/users.js';
import { clientHeaders, insertTour, OPERATORS, PROVIDERS, setBookingConsent, tourSeats } from './booking.fixtures.js';

const ROOT = new URL('../..', import.meta.url).pathname;
// Two gateways on one database, both running the jobs every second.
let gws: RunningGateway[];
let db: pg.Client;
beforeAll(async () => {
  gws = await Promise.all([1, 2].map(() => startTestGateway({ JOBS_INTERVAL_SECONDS: '1', BOOKING_HOLD_MINUTES: '30' })));
  db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
});
afterAll(async () => {
  await db.end();
  await Promise.all(gws.map((g) => g.close()));
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function book(userId: string, tourId: string, seats: number): Promise<string> {
  const { body } = await gql(gws[0].url, CreateBookingDocument, { tourId, seats, key: randomUUID() }, await asUser(gws[0], userId));
  const r = body.data!.createBooking;
  if (r.__typename !== 'BookingCreated') throw new Error(r.__typename);
  return r.booking.id;
}

async function pay(userId: string, bookingId: string, amount: number): Promise<void> {
  const started = await gql(gws[1].url, StartPaymentDocument, { bookingId, providerId: PROVIDERS[1] }, await asUser(gws[1], userId));
  expect(started.body.data!.startPayment.__typename).toBe('PaymentStarted');
  const recorded = await gql(
    gws[1].url,
    RecordPaymentDocument,
    { bookingId, status: 'CONFIRMED', ref: `jobs-${randomUUID()}`, amount },
    await clientHeaders(gws[1], 'PAYMENT_PROVIDER', PROVIDERS[1], ['payments:write']),
  );
  expect(recorded.body.data!.recordPayment.__typename).toBe('PaymentRecorded');
}

async function status(id: string): Promise<string> {
  const { rows } = await db.query<{ status: string }>('select status from bookings where id = $1', [id]);
  return rows[0].status;
}

async function until(check: () => Promise<boolean>, ms: number): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(200)) if (await check()) return;
  throw new Error('condition not reached in time');
}

async function historyOf(userId: string, id: string): Promise<[string, string][]> {
  const { body } = await gql(gws[1].url, BookingHistoryDocument, { id }, await asUser(gws[1], userId));
  return body.data!.booking!.history.map((h) => [h.status, h.actorKind]);
}

describe('booking jobs', () => {
  it('two gateways: nothing runs while another session holds the lock; then the unpaid booking expires once (seats back), the paid booking of the ended tour completes once, and its review opens', async () => {
    const sql = gws[0].services.sql;
    const userId = await bareTraveller(gws[0]);
    await setBookingConsent(sql, [userId], true);
    const holdTour = await insertTour(sql, { partnerId: OPERATORS[4], capacity: 5, priceKzt: 7_000 });
    const unpaid = await book(userId, holdTour, 3);
    const tripTour = await insertTour(sql, { partnerId: OPERATORS[4], capacity: 5, priceKzt: 7_000 });
    const paid = await book(userId, tripTour, 1);
    await pay(userId, paid, 7_000);

    await db.query('select pg_advisory_lock($1)', [BOOKING_JOBS_LOCK]);
    try {
      await db.query("update bookings set created_at = now() - interval '31 minutes' where id = $1", [unpaid]);
      await db.query('update tours set starts_on = current_date - 4, ends_on = current_date - 1 where id = $1', [tripTour]);
      await sleep(2500);
      expect([await status(unpaid), await status(paid)]).toEqual(['PENDING_PAYMENT', 'PAID']);
    } finally {
      await db.query('select pg_advisory_unlock($1)', [BOOKING_JOBS_LOCK]);
    }
    await until(async () => (await status(unpaid)) === 'EXPIRED' && (await status(paid)) === 'COMPLETED', 15_000);
    await sleep(2500);
    expect(await historyOf(userId, unpaid)).toEqual([
      ['PENDING_PAYMENT', 'USER'],
      ['EXPIRED', 'SYSTEM'],
    ]);
    expect(await historyOf(userId, paid)).toEqual([
      ['PENDING_PAYMENT', 'USER'],
      ['PAID', 'PAYMENT_PROVIDER'],
      ['COMPLETED', 'SYSTEM'],
    ]);
    expect(await tourSeats(sql, holdTour)).toEqual({ seatsBooked: 0, capacity: 5, held: 0 });

    const mine = (await gql(gws[0].url, MyBookingsDocument, { first: 10 }, await asUser(gws[0], userId))).body.data!.me!.bookings.nodes;
    expect(mine.map((n) => [n.booking.status, n.nextActions])).toEqual([
      ['COMPLETED', ['REVIEW']],
      ['EXPIRED', []],
    ]);
    const review = await gql(gws[0].url, CreateReviewDocument, { tourId: tripTour, rating: 4, text: 'Хорошо организовано' }, await asUser(gws[0], userId));
    expect(review.body.data!.createReview.__typename).toBe('ReviewCreated');
  });

  it('erasing an account cancels its unpaid bookings and returns their seats; paid ones stay', async () => {
    const sql = gws[0].services.sql;
    const userId = await bareTraveller(gws[0]);
    await setBookingConsent(sql, [userId], true);
    const tourId = await insertTour(sql, { partnerId: OPERATORS[4], capacity: 40 });
    const unpaid = [await book(userId, tourId, 20), await book(userId, tourId, 16)];
    const paid = await book(userId, tourId, 2);
    await pay(userId, paid, 100_000);
    expect(await tourSeats(sql, tourId)).toMatchObject({ seatsBooked: 38 });
    const { body } = await gql(gws[0].url, DeleteMyAccountDocument, undefined, await asUser(gws[0], userId));
    expect(body.data!.deleteMyAccount).toMatchObject({ heldBookings: 3, heldPayments: 1 });
    expect(await Promise.all(unpaid.map(status))).toEqual(['CANCELLED', 'CANCELLED']);
    expect(await status(paid)).toBe('PAID');
    expect(await tourSeats(sql, tourId)).toEqual({ seatsBooked: 2, capacity: 40, held: 2 });
    const { rows } = await db.query<{ n: number }>(
      "select count(*)::int as n from booking_events where booking_id = any($1::uuid[]) and status = 'CANCELLED' and actor_kind = 'SYSTEM'",
      [unpaid],
    );
    expect(rows[0].n).toBe(2);
  });

  it('npm run jobs runs one round for an external scheduler, and skips it while another session holds the lock', async () => {
    const sql = gws[0].services.sql;
    const userId = await bareTraveller(gws[0]);
    await setBookingConsent(sql, [userId], true);
    const tourId = await insertTour(sql, { partnerId: OPERATORS[4], capacity: 5 });
    const unpaid = await book(userId, tourId, 1);
    const run = () =>
      new Promise<{ code: number; stdout: string }>((resolve) => {
        execFile(
          `${ROOT}node_modules/.bin/node`,
          ['--import', '@swc-node/register/esm-register', 'src/cli/jobs.ts'],
          {
            cwd: ROOT,
            env: { ...process.env, NODE_OPTIONS: '', NODE_ENV: 'test', BOOKING_HOLD_MINUTES: '1' },
            timeout: 120_000,
          },
          (err, stdout) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout }),
        );
      });
    await db.query("update bookings set created_at = now() - interval '2 minutes' where id = $1", [unpaid]);
    await db.query('select pg_advisory_lock($1)', [BOOKING_JOBS_LOCK]);
    let skipped: { code: number; stdout: string };
    try {
      skipped = await run();
    } finally {
      await db.query('select pg_advisory_unlock($1)', [BOOKING_JOBS_LOCK]);
    }
    expect(skipped).toMatchObject({ code: 0, stdout: expect.stringContaining('skipped') });
    // The two gateways of this file run their own rounds every second; a run that meets one of them skips, as it should.
    let done = await run();
    for (let i = 0; i < 5 && done.stdout.includes('running the booking jobs; skipped'); i++) done = await run();
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(/expired \d+ unpaid bookings/);
    expect(await status(unpaid)).toBe('EXPIRED');
  });
});
