import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningGateway } from '../../src/gateway.js';
import { ToursPageDocument, ToursWithReviewsDocument } from '../generated/operations.js';
import { startTestGateway } from '../support/gateway.js';
import { gql, sqlStatementsTotal } from '../support/http.js';

// These two read what only HTTP gives: the response status, and the statement count on /metrics.
let gw: RunningGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(async () => {
  await gw.close();
});

describe('public tours API over HTTP', () => {
  it('pages through every active tour exactly once, in start-date order', async () => {
    const seen: string[] = [];
    const dates: string[] = [];
    let after: string | null | undefined;
    for (let page = 0; page < 100; page++) {
      const { status, body } = await gql(gw.url, ToursPageDocument, { first: 7, after });
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      const { nodes, pageInfo } = body.data!.tours;
      seen.push(...nodes.map((n) => n.id));
      dates.push(...nodes.map((n) => n.startsOn));
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    const [{ count }] = await gw.services.sql.rows<{ count: number }>('t_count_active', "select count(*)::int as count from tours where status = 'ACTIVE'");
    expect(count).toBeGreaterThan(20);
    expect(seen).toHaveLength(count);
    expect(new Set(seen).size).toBe(count);
    expect([...dates].sort()).toEqual(dates);
  });

  it('keeps SQL statements per request constant as the nested list grows', async () => {
    const counts: number[] = [];
    for (const first of [2, 10, 50]) {
      const before = await sqlStatementsTotal(gw.url);
      const { body } = await gql(gw.url, ToursWithReviewsDocument, { first, reviews: 5 });
      expect(body.data!.tours.nodes).toHaveLength(first);
      counts.push((await sqlStatementsTotal(gw.url)) - before);
    }
    expect(counts[0]).toBeGreaterThan(0);
    expect(new Set(counts).size).toBe(1);
  });
});
