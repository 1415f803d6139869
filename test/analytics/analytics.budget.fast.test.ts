import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AnalyticsBookingsDocument, AnalyticsCohortsDocument, AnalyticsTravellersDocument } from '../generated/operations.js';
import { openApp, type InProcessApp } from '../support/in-process.js';
import { principalOf } from '../support/principals.js';
import { ownAnalyst } from './analyst.fixtures.js';

const NOISY = { ANALYTICS_EPSILON: '0.5', ANALYTICS_DAILY_BUDGET: '1' };

let app: InProcessApp;
beforeAll(async () => {
  app = await openApp(NOISY);
});
afterAll(async () => {
  await app.close();
});

describe('discrete noise with a daily privacy budget', () => {
  it('each new question spends epsilon, recorded in the database; once spent, new questions are refused with BUDGET_EXHAUSTED', async () => {
    const { id: sub, analyst } = await ownAnalyst(app);
    const first = await app.run(analyst, AnalyticsBookingsDocument, { groupBy: ['REGION'] });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data!.analytics.bookings.noise).toEqual({ mechanism: 'TWO_SIDED_GEOMETRIC', epsilon: 0.5, spentToday: 0.5, dailyBudget: 1 });
    const second = await app.run(analyst, AnalyticsCohortsDocument, {});
    expect(second.body.data!.analytics.cohorts.noise.spentToday).toBe(1);
    // The same question again is answered as before, at no cost; a new one is refused.
    const again = await app.run(analyst, AnalyticsBookingsDocument, { groupBy: ['REGION'] });
    expect(again.body.data).toEqual(first.body.data);
    const third = await app.run(analyst, AnalyticsBookingsDocument, { groupBy: ['GENDER'] });
    expect(third.body.data).toBeNull();
    expect(third.body.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'BUDGET_EXHAUSTED' });
    const rows = await app.services.sql.rows<{ spent: number }>('t_an_spent', 'select spent::float8 as spent from analytics_budget_spend where analyst_id = $1', [sub]);
    expect(rows).toEqual([{ spent: 1 }]);
    // Row-level pseudonymous reads add no noise and spend nothing.
    const rowsRes = await app.run(analyst, AnalyticsTravellersDocument, { first: 5 });
    expect(rowsRes.body.errors).toBeUndefined();
  });

  it("the spend and the day's answers survive a restart", async () => {
    const { id: sub, analyst } = await ownAnalyst(app);
    const answers = [];
    for (const groupBy of [[], ['REGION']] as const) {
      const res = await app.run(analyst, AnalyticsBookingsDocument, { groupBy: [...groupBy] });
      expect(res.body.errors).toBeUndefined();
      answers.push(res.body.data);
    }
    // Composed anew, the app keeps nothing of the first in memory: what it knows of the spend comes from the database.
    const restarted = await openApp(NOISY);
    try {
      const again = await principalOf(restarted, { kind: 'ANALYST', accountId: sub });
      expect((await restarted.run(again, AnalyticsBookingsDocument, { groupBy: [] })).body.data).toEqual(answers[0]);
      const res = await restarted.run(again, AnalyticsBookingsDocument, { groupBy: ['GENDER'] });
      expect(res.body.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'BUDGET_EXHAUSTED' });
    } finally {
      await restarted.close();
    }
  });

  it('concurrent questions never overspend', async () => {
    const { analyst } = await ownAnalyst(app);
    const questions = [['GENDER'], ['REGION'], ['MONTH'], ['TOUR'], ['PARTNER'], []] as const;
    const results = await Promise.all(questions.map((groupBy) => app.run(analyst, AnalyticsBookingsDocument, { groupBy: [...groupBy] })));
    expect(results.filter((r) => !r.body.errors)).toHaveLength(2);
    expect(results.filter((r) => r.body.errors?.[0].extensions?.reason === 'BUDGET_EXHAUSTED')).toHaveLength(4);
  });

  it('noisy figures are non-negative integers, vary between queries, and small cells are still suppressed', async () => {
    const seen = new Set<string>();
    let suppressed = 0;
    for (let i = 0; i < 3; i++) {
      const { analyst } = await ownAnalyst(app);
      const { body } = await app.run(analyst, AnalyticsBookingsDocument, { groupBy: ['TOUR', 'GENDER', 'MONTH'] });
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
