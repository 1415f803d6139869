import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace';
import { DEMO_TRAVELERS } from '../../seeds/travelers.data.js';
import type { RunningGateway } from '../../src/gateway.js';
import { MyAccountDocument, PartnerBookingsDocument } from '../generated/operations.js';
import { clientHeaders, OPERATORS } from '../bookings/booking.fixtures.js';
import { startTestGateway } from '../support/gateway.js';
import { gql } from '../support/http.js';
import { asUser } from '../support/users.js';

const traveller = DEMO_TRAVELERS[1];
const PERSONAL = [traveller.phone, traveller.iin, traveller.passport, traveller.email, traveller.surname, traveller.firstName, traveller.id];
const exporter = new InMemorySpanExporter();
let gw: RunningGateway;
let metrics = '';

beforeAll(async () => {
  gw = await startTestGateway({ RATE_LIMIT_ANONYMOUS_PER_MINUTE: '2' }, { spanExporter: exporter });
  const me = await gql(gw.url, MyAccountDocument, undefined, await asUser(gw, traveller.id));
  expect(me.body.data?.me?.profile?.phone).toBe(traveller.phone);
  const login = JSON.stringify({ query: 'mutation($p: String!) { requestLoginCode(phone: $p) { __typename } }', variables: { p: traveller.phone } });
  for (let i = 0; i < 3; i++) await fetch(`${gw.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: login });
  await fetch(`${gw.url}/no/such/${traveller.iin}`);
  metrics = await (await fetch(`${gw.url}/metrics`)).text();
});
afterAll(async () => {
  await gw.close();
});

const spans = () => exporter.getFinishedSpans();
const byName = (prefix: string) => spans().filter((s) => s.name.startsWith(prefix));
const parentOf = (s: ReadableSpan) => spans().find((p) => p.spanContext().spanId === s.parentSpanContext?.spanId);

describe('metrics', () => {
  it('has latency histograms by operation type and outcome, SQL latency, pool, event-loop, disclosure and rate-limit figures', () => {
    expect(metrics).toMatch(/^qaz_graphql_request_duration_seconds_count\{operation="query",outcome="ok"\} 1$/m);
    expect(metrics).toMatch(/^qaz_graphql_request_duration_seconds_count\{operation="mutation",outcome="\w+"\} [12]$/m);
    expect(metrics).toMatch(/^qaz_http_request_duration_seconds_bucket\{le="[\d.]+",route="\/graphql",status="4xx"\} 1$/m);
    expect(metrics).toMatch(/^qaz_http_request_duration_seconds_count\{route="other",status="4xx"\} 1$/m);
    expect(metrics).toMatch(/^qaz_sql_statement_duration_seconds_count\{outcome="ok"\} [1-9]\d*$/m);
    expect(metrics).toMatch(/^qaz_db_pool_connections [1-9]\d*$/m);
    expect(metrics).toMatch(/^qaz_db_pool_waiters 0$/m);
    expect(metrics).toMatch(/^qaz_nodejs_eventloop_lag_seconds [\d.e-]+$/m);
    expect(metrics).toMatch(/^qaz_rate_limit_refusals_total\{limiter="caller_anonymous"\} 1$/m);
    expect(metrics).toMatch(/^qaz_redis_up 1$/m);
    expect(metrics).toMatch(/^qaz_disclosure_rows_total 0$/m);
  });

  it('carries no personal data in any label or value', () => {
    for (const p of PERSONAL) expect(metrics).not.toContain(p);
  });
});

describe('traces', () => {
  it('has a span per HTTP request, GraphQL operation and SQL statement, nested', () => {
    const http = byName('POST /graphql');
    expect(http.length).toBeGreaterThanOrEqual(3);
    const op = byName('GraphQL query');
    expect(op).toHaveLength(1);
    expect(parentOf(op[0])?.name).toBe('POST /graphql');
    const sql = byName('SQL ');
    expect(sql.length).toBeGreaterThan(0);
    expect(sql.filter((s) => parentOf(s)?.name === 'GraphQL query').length).toBeGreaterThan(0);
    expect(byName('GET other')).toHaveLength(1);
  });

  it('puts no values in span names or attributes', () => {
    const everything = JSON.stringify(spans().map((s) => ({ name: s.name, attributes: s.attributes, events: s.events })));
    for (const p of PERSONAL) expect(everything).not.toContain(p);
    const keys = new Set(spans().flatMap((s) => Object.keys(s.attributes)));
    expect([...keys].sort()).toEqual(['db.query.summary', 'db.system.name', 'graphql.operation.type', 'http.request.method', 'http.response.status_code', 'http.route']);
    for (const s of byName('SQL ')) expect(s.attributes['db.query.summary']).toMatch(/^[a-z0-9_]+$/);
  });
});

// Last: it makes a request of its own, which the traces above must not see.
describe('disclosure figures', () => {
  it('counts the disclosure rows the log commits', async () => {
    const before = Number(/^qaz_disclosure_rows_total (\d+)$/m.exec(metrics)![1]);
    const res = await gql(gw.url, PartnerBookingsDocument, { first: 100 }, await clientHeaders(gw, 'PARTNER', OPERATORS[7]));
    const full = new Set(res.body.data!.partnerBookings.nodes.filter((n) => n.traveller.iin !== null && !n.traveller.iin.includes('*')).map((n) => n.traveller.id));
    expect(full.size).toBeGreaterThan(0);
    const after = Number(/^qaz_disclosure_rows_total (\d+)$/m.exec(await (await fetch(`${gw.url}/metrics`)).text())![1]);
    expect(after - before).toBeGreaterThanOrEqual(full.size);
  });
});
