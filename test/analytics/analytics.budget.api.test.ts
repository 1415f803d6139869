import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningGateway } from '../../src/gateway.js';
import { AnalyticsBookingsDocument, AnalyticsCohortsDocument, AnalyticsTravellersDocument } from '../generated/operations.js';
import { startTestGateway } from '../support/gateway.js';
import { gql } from '../support/http.js';
import { bearer, tokenFor } from '../support/tokens.js';
import { freshAnalyst } from '../support/users.js';

const NOISY = { ANALYTICS_EPSILON: '0.5', ANALYTICS_DAILY_BUDGET: '1' };

let gw: RunningGateway;
beforeAll(async () => {
  gw = await startTestGateway(NOISY);
});
afterAll(async () => {
  await gw.close();
});

describe('discrete noise with a daily privacy budget', () => {
  it('each new question spends epsilon, recorded in the database; once spent, new questions are refused with BUDGET_EXHAUSTED', async () => {
    const { id: sub, headers } = await freshAnalyst(gw);
    const first = await gql(gw.url, AnalyticsBookingsDocument, { groupBy: ['REGION'] }, headers);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data!.analytics.bookings.noise).toEqual({ mechanism: 'TWO_SIDED_GEOMETRIC', epsilon: 0.5, spentToday: 0.5, dailyBudget: 1 });
    const second = await gql(gw.url, AnalyticsCohortsDocument, {}, headers);
    expect(second.body.data!.analytics.cohorts.noise.spentToday).toBe(1);
    // The same question again is answered as before, at no cost; a new one is refused.
    const again = await gql(gw.url, AnalyticsBookingsDocument, { groupBy: ['REGION'] }, headers);
    expect(again.body.data).toEqual(first.body.data);
    const third = await gql(gw.url, AnalyticsBookingsDocument, { groupBy: ['GENDER'] }, headers);
    expect(third.body.data).toBeNull();
    expect(third.body.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'BUDGET_EXHAUSTED' });
    const rows = await gw.services.sql.rows<{ spent: number }>('t_an_spent', 'select spent::float8 as spent from analytics_budget_spend where analyst_id = $1', [sub]);
    expect(rows).toEqual([{ spent: 1 }]);
    // Row-level pseudonymous reads add no noise and spend nothing.
    const rowsRes = await gql(gw.url, AnalyticsTravellersDocument, { first: 5 }, headers);
    expect(rowsRes.body.errors).toBeUndefined();
  });

  it("the spend and the day's answers survive a restart", async () => {
    const { id: sub, headers } = await freshAnalyst(gw);
    const answers = [];
    for (const groupBy of [[], ['REGION']] as const) {
      const res = await gql(gw.url, AnalyticsBookingsDocument, { groupBy: [...groupBy] }, headers);
      expect(res.body.errors).toBeUndefined();
      answers.push(res.body.data);
    }
    const restarted = await startTestGateway(NOISY);
    try {
      const again = bearer(await tokenFor(restarted, 'ANALYST', { sub }));
      expect((await gql(restarted.url, AnalyticsBookingsDocument, { groupBy: [] }, again)).body.data).toEqual(answers[0]);
      const res = await gql(restarted.url, AnalyticsBookingsDocument, { groupBy: ['GENDER'] }, again);
      expect(res.body.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'BUDGET_EXHAUSTED' });
    } finally {
      await restarted.close();
    }
  });

  it('concurrent questions never overspend', async () => {
    const { headers } = await freshAnalyst(gw);
    const questions = [['GENDER'], ['REGION'], ['MONTH'], ['TOUR'], ['PARTNER'], []] as const;
    const results = await Promise.all(questions.map((groupBy) => gql(gw.url, AnalyticsBookingsDocument, { groupBy: [...groupBy] }, headers)));
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
