import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningGateway } from '../../src/gateway.js';
import { DEMO_STAFF } from '../../seeds/staff.data.js';
import { AnalyticsBookingsDocument, AnalyticsCohortsDocument, AnalyticsTravellersDocument, AnalyticsTypenameDocument } from '../generated/operations.js';
import { startTestGateway } from '../support/gateway.js';
import { gql, sqlStatementsTotal } from '../support/http.js';
import { bearer, tokenFor } from '../support/tokens.js';
import { freshAnalyst } from '../support/users.js';

let gw: RunningGateway;
let analyst: Record<string, string>;
beforeAll(async () => {
  gw = await startTestGateway();
  analyst = bearer(await tokenFor(gw, 'ANALYST', { sub: DEMO_STAFF.analyst.id }));
});
afterAll(async () => {
  await gw.close();
});

const ALL_DIMENSIONS = ['REGION', 'PARTNER', 'TOUR', 'MONTH', 'GENDER'] as const;

describe('who may ask', () => {
  it('anonymous callers are unauthenticated, travellers and other staff forbidden', async () => {
    const anon = await gql(gw.url, AnalyticsBookingsDocument, { groupBy: ['REGION'] });
    expect(anon.body.data).toBeNull();
    expect(anon.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const traveller = (await gw.services.sql.rows<{ id: string }>('t_an_traveller', "select id from users where role = 'TRAVELER' order by id limit 1"))[0].id;
    const others = [
      tokenFor(gw, 'USER', { sub: traveller }),
      ...(['admin', 'support', 'auditor', 'moderator'] as const).map((r) => tokenFor(gw, DEMO_STAFF[r].role, { sub: DEMO_STAFF[r].id })),
    ];
    for (const token of await Promise.all(others)) {
      const { body } = await gql(gw.url, AnalyticsTravellersDocument, { first: 5 }, bearer(token));
      expect(body.data).toBeNull();
      expect(body.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_ANALYST' });
    }
  });

  it('an analyst gets answers', async () => {
    const { body } = await gql(gw.url, AnalyticsBookingsDocument, { groupBy: ['REGION'] }, analyst);
    expect(body.errors).toBeUndefined();
    expect(body.data!.analytics.bookings.cells.length).toBeGreaterThan(3);
  });
});

describe('small groups', () => {
  it('are suppressed: a fine grouping reports suppressed cells and releases none under k distinct travellers', async () => {
    const { body } = await gql(gw.url, AnalyticsBookingsDocument, { groupBy: ['TOUR', 'GENDER', 'MONTH'] }, analyst);
    expect(body.errors).toBeUndefined();
    const res = body.data!.analytics.bookings;
    expect(res.k).toBe(5);
    expect(res.suppressedCells).toBeGreaterThan(0);
    // Count the people behind every released cell independently of the gateway's statement.
    const people = await gw.services.sql.rows<{ tour: string; gender: string; month: string; n: number }>(
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
    const coarse = await gql(gw.url, AnalyticsBookingsDocument, { groupBy: [] }, analyst);
    expect(coarse.body.data!.analytics.bookings.suppressedCells).toBe(0);
    expect(coarse.body.data!.analytics.bookings.cells).toHaveLength(1);
  });

  it('carry discrete noise and spend the budget without any setting, over whole months', async () => {
    const { headers } = await freshAnalyst(gw);
    const { body } = await gql(gw.url, AnalyticsBookingsDocument, { groupBy: ['REGION', 'GENDER'], from: '2025-03-17', to: '2026-02-03' }, headers);
    expect(body.errors).toBeUndefined();
    const res = body.data!.analytics.bookings;
    expect(res.noise).toEqual({ mechanism: 'TWO_SIDED_GEOMETRIC', epsilon: 1, spentToday: 1, dailyBudget: 10 });
    expect(res.period).toEqual({ from: '2025-03-01', to: '2026-02-28' });
    for (const c of res.cells) for (const v of [c.bookings, c.cancellations, c.revenueKzt]) expect(Number.isInteger(v) && v >= 0).toBe(true);
  });

  it('suppress cohort cells too, and released shares stay within 0..1', async () => {
    const { body } = await gql(gw.url, AnalyticsCohortsDocument, {}, analyst);
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

  it('refuse dimensions outside the whitelist and bad dates as bad input', async () => {
    const bad = await gql(gw.url, AnalyticsBookingsDocument, { groupBy: ['IIN' as never] }, analyst);
    expect(bad.status).toBe(400);
    const dates = await gql(gw.url, AnalyticsBookingsDocument, { groupBy: ['REGION'], from: '2026-02-30' }, analyst);
    expect(dates.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });
});

describe('one statement per analytics query', () => {
  async function cost(run: () => Promise<unknown>): Promise<number> {
    const before = await sqlStatementsTotal(gw.url);
    await run();
    return (await sqlStatementsTotal(gw.url)) - before;
  }

  it('costs two SQL statements for a new question (answer, then keep it) and one for the same question again', async () => {
    const { headers } = await freshAnalyst(gw);
    // The first request of a token also reads its standing, which the gateway then keeps.
    await cost(() => gql(gw.url, AnalyticsTypenameDocument, undefined, headers));
    const baseline = await cost(() => gql(gw.url, AnalyticsTypenameDocument, undefined, headers));
    expect(await cost(() => gql(gw.url, AnalyticsBookingsDocument, { groupBy: [...ALL_DIMENSIONS] }, headers))).toBe(baseline + 2);
    expect(await cost(() => gql(gw.url, AnalyticsBookingsDocument, { groupBy: [...ALL_DIMENSIONS] }, headers))).toBe(baseline + 1);
    expect(await cost(() => gql(gw.url, AnalyticsBookingsDocument, { groupBy: [] }, headers))).toBe(baseline + 2);
    expect(await cost(() => gql(gw.url, AnalyticsCohortsDocument, {}, headers))).toBe(baseline + 2);
    expect(await cost(() => gql(gw.url, AnalyticsCohortsDocument, {}, headers))).toBe(baseline + 1);
    expect(await cost(() => gql(gw.url, AnalyticsTravellersDocument, { first: 100 }, headers))).toBe(baseline + 1);
  });
});
