import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningGateway } from '../../src/gateway.js';
import { DEMO_STAFF } from '../../seeds/staff.data.js';
import { AnalyticsBookingsDocument, AnalyticsCohortsDocument, AnalyticsTravellersDocument, AnalyticsTypenameDocument } from '../generated/operations.js';
import { startTestGateway } from '../support/gateway.js';
import { gql, sqlStatementsTotal } from '../support/http.js';
import { bearer, tokenFor } from '../support/tokens.js';
import { freshAnalyst } from '../support/users.js';

// A 400 for a variable outside the whitelist and the statement count read from /metrics need the wire; the rest is in analytics.fast.test.ts.
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

describe('small groups', () => {
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
