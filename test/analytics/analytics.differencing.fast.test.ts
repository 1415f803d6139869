import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Principal } from '../../src/access/principal.js';
import { OPERATORS } from '../bookings/booking.fixtures.js';
import { AnalyticsBookingsDocument, type AnalyticsBookingsQuery } from '../generated/operations.js';
import { openApp, type InProcessApp } from '../support/in-process.js';
import { insertPerson } from '../support/persons.js';
import { ownAnalyst } from './analyst.fixtures.js';

// The attack from the issue: one booking (210,000 KZT, male, Kyzylorda, the Baikonur tour) made on 2026-05-24,
// isolated by asking the same aggregates up to the 23rd and up to the 24th.
const TARGET_DAY = '2026-05-24';
const TARGET_KZT = 210_000;

let app: InProcessApp;
let tourId: string;
beforeAll(async () => {
  app = await openApp();
  const sql = app.services.sql;
  tourId = randomUUID();
  await sql.rows(
    't_diff_tour',
    `insert into tours (id, partner_id, title, region, starts_on, ends_on, price_kzt, capacity, seats_booked, status, created_at)
    values ($1, $2, 'Байконур: космодром', 'KYZYLORDA', '2026-06-10', '2026-06-12', $3, 40, 0, 'ACTIVE', '2026-01-10')`,
    [tourId, OPERATORS[0], TARGET_KZT],
  );
  const book = async (gender: 'MALE' | 'FEMALE', at: string, amount: number) => {
    const id = await insertPerson(app, { id: `ff${randomUUID().slice(2)}`, gender });
    await sql.rows(
      't_diff_booking',
      `insert into bookings (id, user_id, tour_id, seats, status, amount_kzt, idempotency_key, created_at)
      values (gen_random_uuid(), $1, $2, 1, 'PAID', $3, gen_random_uuid()::text, $4::timestamptz)`,
      [id, tourId, amount, at],
    );
  };
  // Enough earlier travellers that the tour's cell is released at all.
  for (let i = 0; i < 6; i++) await book(i % 2 ? 'MALE' : 'FEMALE', `2026-04-${String(10 + i).padStart(2, '0')}T09:00:00Z`, 150_000);
  await book('MALE', `${TARGET_DAY}T10:00:00Z`, TARGET_KZT);
});
afterAll(async () => {
  await app.close();
});

type Result = AnalyticsBookingsQuery['analytics']['bookings'];
async function ask(analyst: Principal, groupBy: string[], to: string): Promise<Result> {
  const { body } = await app.run(analyst, AnalyticsBookingsDocument, { groupBy: groupBy as never, from: '2024-01-01', to });
  expect(body.errors).toBeUndefined();
  return body.data!.analytics.bookings;
}

const tourCell = (r: Result) => r.cells.find((c) => c.dimensions.some((d) => d.dimension === 'TOUR' && d.value === tourId));

describe('the differencing attack from the issue', () => {
  it("no longer isolates the booking: bounds a day apart are the same whole-month question, answered once from the day's release", async () => {
    const { id, analyst } = await ownAnalyst(app);
    for (const groupBy of [['TOUR'], ['GENDER'], ['REGION'], ['PARTNER']]) {
      const before = await ask(analyst, groupBy, '2026-05-23');
      const after = await ask(analyst, groupBy, TARGET_DAY);
      expect(before.period).toEqual({ from: '2024-01-01', to: '2026-05-31' });
      // Identical answers: their difference is zero, not the booking.
      expect(after).toEqual(before);
    }
    const [spent] = await app.services.sql.rows<{ spent: number }>('t_diff_spent', 'select spent::float8 as spent from analytics_budget_spend where analyst_id = $1', [id]);
    expect(spent.spent).toBe(4);
  });

  it("a month apart, the difference is drowned in noise: it does not read as the booking's amount", async () => {
    const diffs: number[] = [];
    for (let i = 0; i < 8; i++) {
      const { analyst } = await ownAnalyst(app);
      const april = tourCell(await ask(analyst, ['TOUR'], '2026-04-30'));
      const may = tourCell(await ask(analyst, ['TOUR'], '2026-05-31'));
      expect(april && may).toBeTruthy();
      diffs.push(may!.revenueKzt - april!.revenueKzt);
    }
    const errors = diffs.map((d) => d - TARGET_KZT);
    const spread = Math.sqrt(errors.reduce((s, e) => s + e * e, 0) / errors.length);
    // Noise on a revenue cell has scale cap / (epsilon / 5) = 5,000,000 KZT, so the difference misses 210,000 by millions.
    expect(spread).toBeGreaterThan(1_000_000);
    expect(diffs.filter((d) => d === TARGET_KZT)).toEqual([]);
  });
});
