import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningGateway } from '../../src/gateway.js';
import { DEMO_STAFF } from '../../seeds/staff.data.js';
import { startTestGateway } from '../support/gateway.js';
import { FileComplaintDocument, RecordAuthorityRequestDocument } from '../generated/operations.js';
import { gql, postQuery } from '../support/http.js';
import { asUser, bareTraveller } from '../support/users.js';
import { bearer, tokenFor } from '../support/tokens.js';

let gw: RunningGateway;
let admin: Record<string, string>;
beforeAll(async () => {
  gw = await startTestGateway();
  admin = bearer(await tokenFor(gw, 'ADMIN', { sub: DEMO_STAFF.admin.id }));
  // Enough rows for several pages of two, whatever else the run has made.
  const author = await asUser(gw, await bareTraveller(gw));
  const subjectId = await bareTraveller(gw);
  for (let i = 0; i < 3; i++) {
    expect((await gql(gw.url, FileComplaintDocument, { subject: `Page ${i}`, body: 'Где хранятся мои данные?' }, author)).body.errors).toBeUndefined();
    const recorded = await gql(
      gw.url,
      RecordAuthorityRequestDocument,
      {
        agency: 'Court',
        legalBasis: 'Art. 1',
        caseNumber: `PAGE-${i}`,
        subjectId,
        kinds: ['PHONE'],
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        addressedToId: DEMO_STAFF.authority.id,
      },
      admin,
    );
    expect(recorded.body.errors).toBeUndefined();
  }
});
afterAll(async () => {
  await gw.close();
});

interface Page {
  nodes: { id: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Walks a connection page by page; the pages together must be the whole list, in order, each row once. */
async function walk(query: string, pick: (data: any) => Page, variables: Record<string, unknown>, headers: Record<string, string>, size: number): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < 100; i++) {
    const { body } = await postQuery(gw.url, query, { ...variables, first: size, after }, headers);
    expect(body.errors).toBeUndefined();
    const page = pick(body.data);
    expect(page.nodes.length).toBeLessThanOrEqual(size);
    ids.push(...page.nodes.map((n) => n.id));
    if (!page.pageInfo.hasNextPage) return ids;
    expect(page.nodes).toHaveLength(size);
    after = page.pageInfo.endCursor;
  }
  throw new Error('more than 100 pages');
}

async function expectPages(query: string, pick: (data: any) => Page, variables: Record<string, unknown>, headers: Record<string, string>, atLeast: number): Promise<void> {
  const all = await walk(query, pick, variables, headers, 100);
  expect(all.length).toBeGreaterThanOrEqual(atLeast);
  expect(await walk(query, pick, variables, headers, 2)).toEqual(all);
  expect(new Set(all).size).toBe(all.length);
}

describe('lists that can outgrow a page have cursors', () => {
  it("Tour.bookings, for the tour's partner", async () => {
    const [t] = await gw.services.sql.rows<{ id: string; partnerId: string }>(
      't_pages_tour',
      `select t.id, t.partner_id as "partnerId" from tours t
      join bookings b on b.tour_id = t.id group by t.id order by count(*) desc, t.id limit 1`,
    );
    const partner = bearer(await tokenFor(gw, 'PARTNER', { partnerId: t.partnerId }));
    await expectPages(
      'query($id: ID!, $first: Int!, $after: String) { tour(id: $id) { bookings(first: $first, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } } }',
      (d) => d.tour.bookings,
      { id: t.id },
      partner,
      3,
    );
  });

  it('complaints, for support', async () => {
    const support = bearer(await tokenFor(gw, 'SUPPORT', { sub: DEMO_STAFF.support.id }));
    await expectPages(
      'query($first: Int!, $after: String) { complaints(first: $first, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }',
      (d) => d.complaints,
      {},
      support,
      3,
    );
  });

  it('authorityRequests, for administrators', async () => {
    await expectPages(
      'query($first: Int!, $after: String) { authorityRequests(first: $first, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }',
      (d) => d.authorityRequests,
      {},
      admin,
      3,
    );
  });

  it('a cursor the gateway did not issue is bad input', async () => {
    const { body } = await postQuery(gw.url, '{ authorityRequests(after: "bm90LWEtY3Vyc29y") { nodes { id } } }', undefined, admin);
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
