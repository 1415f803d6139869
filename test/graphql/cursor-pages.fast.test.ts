import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Principal } from '../../src/access/principal.js';
import { DEMO_STAFF } from '../../seeds/staff.data.js';
import { FileComplaintDocument, RecordAuthorityRequestDocument } from '../generated/operations.js';
import { openApp, type InProcessApp } from '../support/in-process.js';
import { client, staff, traveller } from '../support/principals.js';
import { bareTraveller } from '../support/users.js';

let app: InProcessApp;
let admin: Principal;
beforeAll(async () => {
  app = await openApp();
  admin = await staff(app, 'admin');
  // Enough rows for several pages of two, whatever else the run has made.
  const author = await traveller(app, await bareTraveller(app));
  const subjectId = await bareTraveller(app);
  for (let i = 0; i < 3; i++) {
    expect((await app.run(author, FileComplaintDocument, { subject: `Page ${i}`, body: 'Где хранятся мои данные?' })).body.errors).toBeUndefined();
    const recorded = await app.run(admin, RecordAuthorityRequestDocument, {
      agency: 'Court',
      legalBasis: 'Art. 1',
      caseNumber: `PAGE-${i}`,
      subjectId,
      kinds: ['PHONE'],
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      addressedToId: DEMO_STAFF.authority.id,
    });
    expect(recorded.body.errors).toBeUndefined();
  }
});
afterAll(async () => {
  await app.close();
});

interface Page {
  nodes: { id: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Walks a connection page by page; the pages together must be the whole list, in order, each row once. */
async function walk(query: string, pick: (data: any) => Page, variables: Record<string, unknown>, caller: Principal, size: number): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < 100; i++) {
    const { body } = await app.run(caller, query, { ...variables, first: size, after });
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

async function expectPages(query: string, pick: (data: any) => Page, variables: Record<string, unknown>, caller: Principal, atLeast: number): Promise<void> {
  const all = await walk(query, pick, variables, caller, 100);
  expect(all.length).toBeGreaterThanOrEqual(atLeast);
  expect(await walk(query, pick, variables, caller, 2)).toEqual(all);
  expect(new Set(all).size).toBe(all.length);
}

describe('lists that can outgrow a page have cursors', () => {
  it("Tour.bookings, for the tour's partner", async () => {
    const [t] = await app.services.sql.rows<{ id: string; partnerId: string }>(
      't_pages_tour',
      `select t.id, t.partner_id as "partnerId" from tours t
      join bookings b on b.tour_id = t.id group by t.id order by count(*) desc, t.id limit 1`,
    );
    const partner = await client(app, 'PARTNER', t.partnerId);
    await expectPages(
      'query($id: ID!, $first: Int!, $after: String) { tour(id: $id) { bookings(first: $first, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } } }',
      (d) => d.tour.bookings,
      { id: t.id },
      partner,
      3,
    );
  });

  it('complaints, for support', async () => {
    const support = await staff(app, 'support');
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
    const { body } = await app.run(admin, '{ authorityRequests(after: "bm90LWEtY3Vyc29y") { nodes { id } } }');
    expect(body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
