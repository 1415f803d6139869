import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningGateway } from '../../src/gateway.js';
import { DEMO_CLIENTS } from '../../seeds/partners.data.js';
import { startTestGateway } from '../support/gateway.js';
import { postQuery, sqlStatementsTotal } from '../support/http.js';
import { bearer, tokenFor } from '../support/tokens.js';

let gw: RunningGateway;
let partnerId: string;
let reader: Record<string, string>;
let masked: Record<string, string>;
beforeAll(async () => {
  gw = await startTestGateway();
  // The demo operator with the most tours that have bookings, so that pages of tours carry several bookings pages.
  const [p] = await gw.services.sql.rows<{ partnerId: string }>(
    't_tb_partner',
    `select t.partner_id as "partnerId" from tours t
    where t.partner_id = any($1::uuid[]) and exists (select 1 from bookings b where b.tour_id = t.id) group by t.partner_id order by count(*) desc limit 1`,
    [DEMO_CLIENTS.filter((c) => c.kind === 'PARTNER').map((c) => c.partnerId)],
  );
  partnerId = p.partnerId;
  reader = bearer(await tokenFor(gw, 'PARTNER', { partnerId, scope: ['tours:read', 'bookings:read', 'travelers:read'] }));
  masked = bearer(await tokenFor(gw, 'PARTNER', { partnerId, scope: ['tours:read', 'bookings:read'] }));
});
afterAll(async () => {
  await gw.close();
});

const TRAVELLER = 'traveller { id fullName phone iin passportNumber gender email }';
// `@include(if: true)` selects the same fields, but the tours page then does not read the bookings with it: the field resolvers load them.
const list = (include: string) => `query L($n: Int!, $after: String, $b: Int!, $bAfter: String) { partnerTours(first: $n, after: $after) {
  nodes { id title startsOn bookings(first: $b, after: $bAfter) ${include} { nodes { id seats status createdAt ${TRAVELLER} } pageInfo { hasNextPage endCursor } } }
  pageInfo { hasNextPage endCursor } } }`;
const WITH_LIST = list('');
const LOADED_PER_FIELD = list('@include(if: true)');

// What was withheld is listed as the fields resolve, which the two ways do in a different order: compared as a set.
function comparable(body: any): unknown {
  const withheld = body.extensions?.privacy?.withheld;
  return withheld
    ? { ...body, extensions: { ...body.extensions, privacy: { ...body.extensions.privacy, withheld: withheld.map((w: unknown) => JSON.stringify(w)).sort() } } }
    : body;
}

async function statementsOf(query: string, variables: Record<string, unknown>, headers: Record<string, string>): Promise<{ body: any; statements: number }> {
  const before = await sqlStatementsTotal(gw.url);
  const { body } = await postQuery(gw.url, query, variables, headers);
  expect(body.errors).toBeUndefined();
  return { body, statements: (await sqlStatementsTotal(gw.url)) - before };
}

describe("a partner's tours with their bookings and travellers", () => {
  it('answer exactly as when each field loads its own rows: tours, bookings pages, cursors and what each traveller shows', async () => {
    for (const headers of [reader, masked]) {
      for (const variables of [
        { n: 30, b: 2 },
        { n: 3, b: 1 },
        { n: 50, b: 20 },
      ]) {
        const one = (await postQuery(gw.url, WITH_LIST, variables, headers)).body;
        const each = (await postQuery(gw.url, LOADED_PER_FIELD, variables, headers)).body;
        expect(one.errors).toBeUndefined();
        expect(comparable(one)).toEqual(comparable(each));
        // The next pages of tours, and of each tour's bookings, agree as well.
        const tours = one.data.partnerTours;
        const withBookings = tours.nodes.find((t: any) => t.bookings.pageInfo.hasNextPage);
        const next = { ...variables, after: tours.pageInfo.endCursor, bAfter: withBookings?.bookings.pageInfo.endCursor ?? null };
        expect(comparable((await postQuery(gw.url, WITH_LIST, next, headers)).body)).toEqual(comparable((await postQuery(gw.url, LOADED_PER_FIELD, next, headers)).body));
      }
    }
  });

  it('refuse a bookings argument as when each field loads its own rows', async () => {
    for (const variables of [
      { n: 3, b: 1, bAfter: 'bm9wZQ' },
      { n: 3, b: 0 },
    ]) {
      const one = (await postQuery(gw.url, WITH_LIST, variables, reader)).body;
      expect(one.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(comparable(one)).toEqual(comparable((await postQuery(gw.url, LOADED_PER_FIELD, variables, reader)).body));
    }
  });

  it('shows some travellers in full to the reader and none to the partner without travelers:read', async () => {
    const full = (body: any) => {
      expect(body.errors).toBeUndefined();
      return body.data.partnerTours.nodes.flatMap((t: any) => t.bookings.nodes).filter((b: any) => b.traveller.phone !== null).length;
    };
    expect(full((await postQuery(gw.url, WITH_LIST, { n: 50, b: 20 }, reader)).body)).toBeGreaterThan(0);
    expect(full((await postQuery(gw.url, WITH_LIST, { n: 50, b: 20 }, masked)).body)).toBe(0);
  });

  it('reads tours, bookings and travellers in one statement whatever the list size', async () => {
    await statementsOf(WITH_LIST, { n: 1, b: 1 }, masked);
    const counts: number[] = [];
    const bookings: number[] = [];
    for (const n of [1, 5, 50]) {
      const { body, statements } = await statementsOf(WITH_LIST, { n, b: 20 }, masked);
      bookings.push(body.data.partnerTours.nodes.flatMap((t: any) => t.bookings.nodes).length);
      counts.push(statements);
    }
    expect(bookings[0]).toBeLessThan(bookings[2]);
    // Nothing shown in full, so no disclosure rows to write: the one statement is all.
    expect(counts).toEqual([1, 1, 1]);
    const perField = await statementsOf(LOADED_PER_FIELD, { n: 50, b: 20 }, masked);
    expect(perField.statements).toBe(3);
  });
});
