import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningGateway } from '../../src/gateway.js';
import { startTestGateway } from '../support/gateway.js';
import { bearer, tokenFor } from '../support/tokens.js';
import { OPERATORS } from '../bookings/booking.fixtures.js';

// The same server twice on one database: graphql-jit with its fallback, and graphql-js alone.
let jit: RunningGateway;
let js: RunningGateway;
let partnerId: string;
beforeAll(async () => {
  [jit, js] = await Promise.all([startTestGateway({ GRAPHQL_EXECUTOR: 'jit' }), startTestGateway({ GRAPHQL_EXECUTOR: 'graphql-js' })]);
  // The operator with the most bookings in their window, so that the list holds both full and withheld values.
  const [row] = await jit.services.sql.rows<{ partnerId: string }>(
    't_busiest_partner',
    `select t.partner_id as "partnerId" from bookings b
    join tours t on t.id = b.tour_id where b.status <> 'CANCELLED' and now() < t.ends_on + interval '31 days' and t.partner_id = any($1::uuid[])
    group by 1 order by count(*) desc, 1 limit 1`,
    [OPERATORS],
  );
  partnerId = row.partnerId;
});
afterAll(async () => {
  await Promise.all([jit?.close(), js?.close()]);
});

interface Sent {
  status: number;
  body: { data?: unknown; errors?: { extensions?: Record<string, unknown> }[]; extensions?: { privacy?: { withheld: unknown[] } } };
}

async function post(gw: RunningGateway, body: object, headers: Record<string, string> = {}): Promise<Sent> {
  const res = await fetch(`${gw.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Sent['body'] };
}

// Request ids differ per request; everything else must be the same byte for byte.
const REQUEST_ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const comparable = (s: Sent) => JSON.parse(JSON.stringify(s).replace(REQUEST_ID, (id) => (id === partnerId ? id : '<request id>')));

async function metric(gw: RunningGateway, name: string): Promise<number> {
  const m = new RegExp(`^${name} (\\d+)$`, 'm').exec(await (await fetch(`${gw.url}/metrics`)).text());
  if (!m) throw new Error(`no ${name}`);
  return Number(m[1]);
}

async function disclosureRows(gw: RunningGateway): Promise<number> {
  const [r] = await gw.services.sql.rows<{ n: number }>('t_disclosure_count', 'select count(*)::int as n from disclosures');
  return r.n;
}

const PARTNER_LIST = `query PartnerList($n: Int!) { partnerTours(first: $n) { nodes { id title startsOn
  bookings(first: 20) { nodes { id seats status traveller { id fullName phone iin passportNumber gender email messengers } } } }
  pageInfo { hasNextPage } } }`;

const CASES: { name: string; body: object; as?: 'partner' | 'masked'; graphqlJs?: true }[] = [
  { name: 'partner list with personal fields (full, masked and hidden values, extensions.privacy)', body: { query: PARTNER_LIST, variables: { n: 50 } }, as: 'partner' },
  { name: 'the same list for a partner without travelers:read', body: { query: PARTNER_LIST, variables: { n: 50 } }, as: 'masked' },
  {
    name: 'fragments, aliases, @include/@skip and __typename',
    body: {
      query: `query T($yes: Boolean!) { a: tours(first: 3) { nodes { ...F __typename r: reviews { rating author { fullName __typename } } } }
      tours(first: 2) { nodes { id region @include(if: $yes) title @skip(if: $yes) } } } fragment F on Tour { id title priceKzt }`,
      variables: { yes: true },
    },
  },
  { name: 'a root field the caller may not use', body: { query: '{ me { id } }' } },
  { name: 'a resolver refusing its argument', body: { query: '{ tours(first: 100000) { nodes { id } } }' } },
  {
    name: 'variables that do not coerce (refused before any executor)',
    body: { query: 'query V($n: Int!) { tours(first: $n) { nodes { id } } }', variables: { n: '061211600012' } },
  },
  { name: 'a missing non-null variable', body: { query: 'query V($n: Int!) { tours(first: $n) { nodes { id } } }' } },
  { name: 'two operations and no operation name', body: { query: 'query A { tours(first: 1) { nodes { id } } } query B { tours(first: 1) { nodes { id } } }' }, graphqlJs: true },
  { name: 'an unknown operation name', body: { query: 'query A { tours(first: 1) { nodes { id } } }', operationName: 'B' }, graphqlJs: true },
  { name: 'introspection', body: { query: '{ __schema { queryType { name } } __type(name: "Person") { fields { name } } }' } },
];

async function headersFor(gw: RunningGateway, as: 'partner' | 'masked' | undefined): Promise<Record<string, string>> {
  if (!as) return {};
  return bearer(await tokenFor(gw, 'PARTNER', { partnerId, scope: as === 'partner' ? undefined : ['tours:read', 'bookings:read'] }));
}

describe('compiled execution (graphql-jit) against graphql-js', () => {
  it.each(CASES)('answers alike: $name', async ({ body, as, graphqlJs }) => {
    const before = [await disclosureRows(jit), await metric(jit, 'qaz_graphql_js_executions_total')];
    const a = await post(jit, body, await headersFor(jit, as));
    const mid = await disclosureRows(jit);
    const b = await post(js, body, await headersFor(js, as));
    expect(comparable(a)).toEqual(comparable(b));
    // The disclosure plugin wrote as many rows for one as for the other.
    expect(mid - before[0]).toBe((await disclosureRows(js)) - mid);
    if (as === 'partner') {
      expect(mid - before[0]).toBeGreaterThan(0);
      expect(a.body.extensions?.privacy?.withheld.length).toBeGreaterThan(0);
    }
    // Only what graphql-jit cannot do itself (no single operation) runs on graphql-js; variables that do not coerce are refused before either.
    expect((await metric(jit, 'qaz_graphql_js_executions_total')) - before[1]).toBe(graphqlJs ? 1 : 0);
  });

  it('compiles each distinct operation once', async () => {
    const q = { query: 'query Once { tours(first: 2) { nodes { id title } } }' };
    const compiled0 = await metric(jit, 'qaz_graphql_compiled_operations_total');
    for (let i = 0; i < 3; i++) expect((await post(jit, q)).status).toBe(200);
    expect(await metric(jit, 'qaz_graphql_compiled_operations_total')).toBe(compiled0 + 1);
    expect(await metric(js, 'qaz_graphql_compiled_operations_total')).toBe(0);
  });

  it('refuses variables that do not coerce before any executor runs', async () => {
    const before = await metric(jit, 'qaz_graphql_js_executions_total');
    const r = await post(jit, { query: 'query V2($n: Int!) { tours(first: $n) { nodes { id } } }', variables: { n: 'x' } });
    expect(r.status).toBe(400);
    expect(r.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await metric(jit, 'qaz_graphql_js_executions_total')).toBe(before);
  });
});

describe('the compiled operation cache', () => {
  it('keeps at most GRAPHQL_COMPILED_DOCUMENTS operations, least recently used dropped first', async () => {
    const small = await startTestGateway({ GRAPHQL_EXECUTOR: 'jit', GRAPHQL_COMPILED_DOCUMENTS: '2' });
    try {
      const op = (n: string) => ({ query: `query ${n} { tours(first: 1) { nodes { id } } }` });
      for (const n of ['A', 'B', 'A', 'C']) expect((await post(small, op(n))).status).toBe(200);
      // A, B compiled; A hit; C compiled and B dropped.
      expect(await metric(small, 'qaz_graphql_compiled_operations_total')).toBe(3);
      await post(small, op('A'));
      expect(await metric(small, 'qaz_graphql_compiled_operations_total')).toBe(3);
      await post(small, op('B'));
      expect(await metric(small, 'qaz_graphql_compiled_operations_total')).toBe(4);
    } finally {
      await small.close();
    }
  });
});
