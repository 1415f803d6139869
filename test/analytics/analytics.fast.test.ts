import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Principal } from '../../src/access/principal.js';
import { AnalyticsBookingsDocument, AnalyticsCohortsDocument, AnalyticsTravellersDocument } from '../generated/operations.js';
import { openApp, type InProcessApp } from '../support/in-process.js';
import { anonymous, principalOf, staff, traveller } from '../support/principals.js';
import { analystAccount } from '../support/users.js';

let app: InProcessApp;
let analyst: Principal;
beforeAll(async () => {
  app = await openApp();
  analyst = await staff(app, 'analyst');
});
afterAll(async () => {
  await app.close();
});

describe('who may ask', () => {
  it('anonymous callers are unauthenticated, travellers and other staff forbidden', async () => {
    const anon = await app.run(anonymous, AnalyticsBookingsDocument, { groupBy: ['REGION'] });
    expect(anon.body.data).toBeNull();
    expect(anon.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const someone = (await app.services.sql.rows<{ id: string }>('t_an_traveller', "select id from users where role = 'TRAVELER' order by id limit 1"))[0].id;
    const others = [traveller(app, someone), ...(['admin', 'support', 'auditor', 'moderator'] as const).map((r) => staff(app, r))];
    for (const caller of await Promise.all(others)) {
      const { body } = await app.run(caller, AnalyticsTravellersDocument, { first: 5 });
      expect(body.data).toBeNull();
      expect(body.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_ANALYST' });
    }
  });

  it('an analyst gets answers', async () => {
    const { body } = await app.run(analyst, AnalyticsBookingsDocument, { groupBy: ['REGION'] });
    expect(body.errors).toBeUndefined();
    expect(body.data!.analytics.bookings.cells.length).toBeGreaterThan(3);
  });
});

describe('small groups', () => {
  it('are suppressed: a fine grouping reports suppressed cells and releases none under k distinct travellers', async () => {
    const { body } = await app.run(analyst, AnalyticsBookingsDocument, { groupBy: ['TOUR', 'GENDER', 'MONTH'] });
    expect(body.errors).toBeUndefined();
    const res = body.data!.analytics.bookings;
    expect(res.k).toBe(5);
    expect(res.suppressedCells).toBeGreaterThan(0);
    // Count the people behind every released cell independently of the gateway's statement.
    const people = await app.services.sql.rows<{ tour: string; gender: string; month: string; n: number }>(
      't_an_cell_people',
      `
      select b.tour_id::text as tour, coalesce(u.gender, 'UNKNOWN') as gender, to_char(b.created_at at time zone 'UTC', 'YYYY-MM') as month,
        count(distinct b.user_id)::int as n
      from bookings b join users u on u.id = b.user_id group by 1, 2, 3`,
    );
    const byKey = new Map(people.map((p) => [`${p.tour}|${p.gender}|${p.month}`, p.n]));
    for (const c of res.cells) {
      const key = ['TOUR', 'GENDER', 'MONTH'].map((d) => c.dimensions.find((v) => v.dimension === d)!.value).join('|');
      expect(byKey.get(key)).toBeGreaterThanOrEqual(res.k);
    }
    const coarse = await app.run(analyst, AnalyticsBookingsDocument, { groupBy: [] });
    expect(coarse.body.data!.analytics.bookings.suppressedCells).toBe(0);
    expect(coarse.body.data!.analytics.bookings.cells).toHaveLength(1);
  });

  it('carry discrete noise and spend the budget without any setting, over whole months', async () => {
    const own = await principalOf(app, { kind: 'ANALYST', accountId: await analystAccount(app) });
    const { body } = await app.run(own, AnalyticsBookingsDocument, { groupBy: ['REGION', 'GENDER'], from: '2025-03-17', to: '2026-02-03' });
    expect(body.errors).toBeUndefined();
    const res = body.data!.analytics.bookings;
    expect(res.noise).toEqual({ mechanism: 'TWO_SIDED_GEOMETRIC', epsilon: 1, spentToday: 1, dailyBudget: 10 });
    expect(res.period).toEqual({ from: '2025-03-01', to: '2026-02-28' });
    for (const c of res.cells) for (const v of [c.bookings, c.cancellations, c.revenueKzt]) expect(Number.isInteger(v) && v >= 0).toBe(true);
  });

  it('suppress cohort cells too, and released shares stay within 0..1', async () => {
    const { body } = await app.run(analyst, AnalyticsCohortsDocument, {});
    expect(body.errors).toBeUndefined();
    const res = body.data!.analytics.cohorts;
    expect(res.cells.length + res.suppressedCells).toBeGreaterThan(0);
    // Released figures carry noise, so only their shape is fixed here; suppression is decided on the true counts.
    for (const c of res.cells) {
      expect(c.returning).toBeLessThanOrEqual(c.cohortSize);
      expect(c.monthsAfter).toBeGreaterThanOrEqual(1);
      expect(c.share).toBeGreaterThanOrEqual(0);
      expect(c.share).toBeLessThanOrEqual(1);
    }
  });
});
