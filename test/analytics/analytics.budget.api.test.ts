import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningGateway } from '../../src/gateway.js';
import { AnalyticsBookingsDocument, AnalyticsCohortsDocument, AnalyticsTravellersDocument } from '../generated/operations.js';
import { startTestGateway } from '../support/gateway.js';
import { gql } from '../support/http.js';
import { bearer, tokenFor } from '../support/tokens.js';
import { insertPerson } from '../support/persons.js';

const NOISY = { ANALYTICS_EPSILON: '0.5', ANALYTICS_DAILY_BUDGET: '1' };

let gw: RunningGateway;
beforeAll(async () => { gw = await startTestGateway(NOISY); });
afterAll(async () => { await gw.close(); });

// A fresh analyst account per test: the budget is per analyst and day, and lives in the shared test database.
async function freshAnalyst(g: RunningGateway): Promise<{ id: string; headers: Record<string, string> }> {
  const id = `ff${randomUUID().slice(2)}`;
  const phone = `+7798${String(randomInt(1e7)).padStart(7, '0')}`;
  await insertPerson(g, { id, phone, role: 'ANALYST' });
  return { id, headers: bearer(await tokenFor(g, 'ANALYST', { sub: id })) };
}

describe('Laplace noise with a daily privacy budget', () => {
  it('each query spends epsilon, recorded in the database; once spent, queries are refused with BUDGET_EXHAUSTED', async () => {
    const { id: sub, headers } = await freshAnalyst(gw);
    const first = await gql(gw.url, AnalyticsBookingsDocument, { groupBy: ['REGION'] }, headers);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data!.analytics.bookings.noise).toEqual({ mechanism: 'LAPLACE', epsilon: 0.5, spentToday: 0.5, dailyBudget: 1 });
    expect(first.body.data!.analytics.bookings.rounding).toBeNull();
    const second = await gql(gw.url, AnalyticsCohortsDocument, {}, headers);
    expect(second.body.data!.analytics.cohorts.noise!.spentToday).toBe(1);
    const third = await gql(gw.url, AnalyticsBookingsDocument, { groupBy: ['REGION'] }, headers);
    expect(third.body.data).toBeNull();
    expect(third.body.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'BUDGET_EXHAUSTED' });
    const rows = await gw.services.sql.rows<{ spent: number }>('t_an_spent', 'select spent::float8 as spent from analytics_budget_spend where analyst_id = $1', [sub]);
    expect(rows).toEqual([{ spent: 1 }]);
    // Row-level pseudonymous reads add no noise and spend nothing.
    const rowsRes = await gql(gw.url, AnalyticsTravellersDocument, { first: 5 }, headers);
    expect(rowsRes.body.errors).toBeUndefined();
  });

  it('the spend survives a restart', async () => {
    const { id: sub, headers } = await freshAnalyst(gw);
    for (let i = 0; i < 2; i++) expect((await gql(gw.url, AnalyticsBookingsDocument, { groupBy: [] }, headers)).body.errors).toBeUndefined();
    const restarted = await startTestGateway(NOISY);
    try {
      const res = await gql(restarted.url, AnalyticsBookingsDocument, { groupBy: [] }, bearer(await tokenFor(restarted, 'ANALYST', { sub })));
      expect(res.body.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'BUDGET_EXHAUSTED' });
    } finally {
      await restarted.close();
    }
  });

  it('concurrent queries never overspend', async () => {
    const { headers } = await freshAnalyst(gw);
    const results = await Promise.all(Array.from({ length: 6 }, () => gql(gw.url, AnalyticsBookingsDocument, { groupBy: ['GENDER'] }, headers)));
    expect(results.filter((r) => !r.body.errors)).toHaveLength(2);
    expect(results.filter((r) => r.body.errors?.[0].extensions?.reason === 'BUDGET_EXHAUSTED')).toHaveLength(4);
  });

  it('noisy figures are non-negative integers, vary between queries, and small cells are still suppressed', async () => {
    const seen = new Set<string>();
    let suppressed = 0;
    for (let i = 0; i < 3; i++) {
      const { headers } = await freshAnalyst(gw);
      const { body } = await gql(gw.url, AnalyticsBookingsDocument, { groupBy: ['TOUR', 'GENDER', 'MONTH'] }, headers);
      const res = body.data!.analytics.bookings;
      suppressed = res.suppressedCells;
      for (const c of res.cells) {
        for (const v of [c.bookings, c.cancellations, c.revenueKzt]) {
          expect(Number.isInteger(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(0);
        }
      }
      seen.add(JSON.stringify(res.cells.map((c) => c.revenueKzt)));
    }
    expect(suppressed).toBeGreaterThan(0);
    expect(seen.size).toBe(3);
  });
});
