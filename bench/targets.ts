import type { Child } from './children.js';
import type { BenchRequest, TargetKind } from './scenarios.js';

/** One server to measure: which process, how it is asked, and how it counts its SQL statements. */
export interface Target {
  name: string;
  kind: TargetKind;
  child: Child;
  headers: Record<string, string>;
}

export interface Reply {
  status: number;
  text: string;
  json: { data?: Record<string, unknown> | null; errors?: unknown[]; extensions?: { privacy?: { withheld: { path: (string | number)[]; reason?: string }[] } } };
}

const TIMEOUT_MS = 30_000;

export async function send(t: Target, r: BenchRequest, headers: Record<string, string> = t.headers): Promise<Reply> {
  const res = await fetch(t.child.url + r.path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: r.body,
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const text = await res.text();
  return { status: res.status, text, json: JSON.parse(text) as Reply['json'] };
}

/** The data of a successful reply; anything else stops the bench with the reason. */
export async function data(t: Target, r: BenchRequest, headers?: Record<string, string>): Promise<{ data: Record<string, unknown>; reply: Reply }> {
  const reply = await send(t, r, headers);
  if (reply.status !== 200 || reply.json.errors?.length || !reply.json.data) {
    throw new Error(`${t.name}: ${reply.status} ${reply.text.slice(0, 400)}`);
  }
  return { data: reply.json.data, reply };
}

function metric(text: string, name: string): number {
  const m = new RegExp(`^${name} (\\d+)$`, 'm').exec(text);
  if (!m) throw new Error(`no ${name} in /metrics`);
  return Number(m[1]);
}

export interface Counters {
  statements: number;
  errors: number;
  requests: number;
}

/** Requests the server has taken, SQL statements it has issued, and for the gateway the GraphQL errors it has reported. */
export async function counters(t: Target): Promise<Counters> {
  if (t.kind === 'gateway') {
    const text = await (await fetch(`${t.child.url}/metrics`, { signal: AbortSignal.timeout(TIMEOUT_MS) })).text();
    return { statements: metric(text, 'qaz_sql_statements_total'), errors: metric(text, 'qaz_graphql_errors_total'), requests: metric(text, 'qaz_graphql_requests_total') };
  }
  const stats = (await (await fetch(`${t.child.url}/stats`, { signal: AbortSignal.timeout(TIMEOUT_MS) })).json()) as { statements: number; requests: number };
  return { ...stats, errors: 0 };
}

const SETTLE_POLL_MS = 150;
const SETTLE_MAX_MS = 10_000;

/** Waits until requests the load generator gave up on at the end of a run have finished on the server, and returns its counters then. */
export async function settled(t: Target): Promise<Counters> {
  let last = await counters(t);
  for (let waited = 0; waited < SETTLE_MAX_MS; waited += SETTLE_POLL_MS) {
    await new Promise((r) => setTimeout(r, SETTLE_POLL_MS));
    const now = await counters(t);
    if (now.statements === last.statements && now.requests === last.requests) return now;
    last = now;
  }
  return last;
}
