import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningGateway } from '../../src/gateway.js';
import { ToursPageDocument, TourByIdDocument, ToursWithReviewsDocument } from '../generated/operations.js';
import { startTestGateway } from '../support/gateway.js';
import { gql, sqlStatementsTotal } from '../support/http.js';

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

  it('filters by region and start date', async () => {
    const { body } = await gql(gw.url, ToursPageDocument, { first: 100, region: 'ALMATY', startsFrom: '2026-07-01', startsTo: '2027-12-31' });
    const nodes = body.data!.tours.nodes;
    expect(nodes.length).toBeGreaterThan(0);
    for (const n of nodes) {
      expect(n.region).toBe('ALMATY');
      expect(n.startsOn >= '2026-07-01' && n.startsOn <= '2027-12-31').toBe(true);
    }
  });

  it('returns one tour by id', async () => {
    const list = await gql(gw.url, ToursPageDocument, { first: 1 });
    const id = list.body.data!.tours.nodes[0].id;
    const { body } = await gql(gw.url, TourByIdDocument, { id });
    expect(body.data!.tour!.id).toBe(id);
    expect(body.data!.tour!.partner.name.length).toBeGreaterThan(0);
  });

  it('shows review authors by display name only (erased authors by none)', async () => {
    const { body } = await gql(gw.url, ToursWithReviewsDocument, { first: 50, reviews: 5 });
    const reviews = body.data!.tours.nodes.flatMap((t) => t.reviews);
    expect(reviews.length).toBeGreaterThan(0);
    // Authors are found by review: the public author id is a handle per review, never the account id.
    const byErasedAuthors = new Set(
      (await gw.services.sql.rows<{ id: string }>('t_deleted_reviews', "select r.id from reviews r join users u on u.id = r.author_id where u.status = 'DELETED'")).map(
        (r) => r.id,
      ),
    );
    for (const r of reviews) {
      // An account erased through the gateway leaves its reviews without an author.
      if (r.author === null) continue;
      if (byErasedAuthors.has(r.id)) expect(r.author.fullName).toBeNull();
      else expect(r.author.fullName).toMatch(/^\S+ \S\.$/u);
    }
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
