import type { LoadResult } from './load.js';

/** One timed run of one target on one scenario, with what the target's process spent on it. */
export interface Sample {
  load: LoadResult;
  requests: number;
  cpuMs: number;
  dbCpuMs: number | null;
  statements: number;
  graphqlErrors: number;
}

export interface Summary {
  rps: number;
  p50: number;
  p99: number;
  cpuPerRequest: number;
  dbCpuPerRequest: number;
  statementsPerRequest: number;
  failed: number;
  graphqlErrors: number;
  rounds: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export function summarize(samples: Sample[]): Summary {
  // Per request on the server's own count, which includes requests still running when the load generator stopped.
  const requests = sum(samples.map((s) => s.requests));
  const db = samples.map((s) => s.dbCpuMs);
  return {
    rps: median(samples.map((s) => s.load.rps)),
    p50: median(samples.map((s) => s.load.p50)),
    p99: median(samples.map((s) => s.load.p99)),
    cpuPerRequest: sum(samples.map((s) => s.cpuMs)) / requests,
    dbCpuPerRequest: db.every((d) => d !== null) ? sum(db) / requests : NaN,
    statementsPerRequest: sum(samples.map((s) => s.statements)) / requests,
    failed: sum(samples.map((s) => s.load.failed)),
    graphqlErrors: sum(samples.map((s) => s.graphqlErrors)),
    rounds: samples.length,
  };
}

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');
const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : 'n/a');
const pct = (n: number) => (Number.isFinite(n) ? `${(n * 100).toFixed(0)}%` : 'n/a');
const signed = (n: number) => (Number.isFinite(n) ? `${n < 0 ? '−' : '+'}${Math.abs(n * 100).toFixed(0)}%` : 'n/a');

export interface ScenarioRows {
  scenario: string;
  rows: { target: string; s: Summary; statements: boolean }[];
}

/** The main table: throughput against raw (same scenario) and PostGraphile, per process CPU and statements. */
export function mainTable(scenarios: ScenarioRows[], rawOf: (scenario: string) => Summary | undefined, pglOf: (scenario: string) => Summary | undefined): string {
  const head =
    '| scenario | target | req/s | p50 ms | p99 ms | server CPU ms/req | Postgres CPU ms/req | % of raw | × PostGraphile | SQL statements/req | failed |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|';
  const lines = scenarios.flatMap(({ scenario, rows }) =>
    rows.map(({ target, s, statements }) => {
      const raw = rawOf(scenario);
      const pgl = pglOf(scenario);
      return `| ${scenario} | ${target} | ${s.rps.toFixed(0)} | ${f1(s.p50)} | ${f1(s.p99)} | ${f2(s.cpuPerRequest)} | ${f2(s.dbCpuPerRequest)} | ${raw ? pct(s.rps / raw.rps) : 'n/a'} | ${pgl ? f2(s.rps / pgl.rps) : 'n/a'} | ${statements ? f2(s.statementsPerRequest) : 'n/a'} | ${s.failed + s.graphqlErrors} |`;
    }),
  );
  return [head, ...lines].join('\n');
}

export interface FixedRow {
  scenario: string;
  target: string;
  load: LoadResult;
}

export function fixedRateTable(rate: number, rows: FixedRow[], limitMs: number): string {
  const head = `| scenario | target | asked req/s | got req/s | p50 ms | p99 ms | p99 ≤ ${limitMs} ms |\n|---|---|---:|---:|---:|---:|---|`;
  return [
    head,
    ...rows.map(
      (r) =>
        `| ${r.scenario} | ${r.target} | ${rate} | ${r.load.rps.toFixed(0)} | ${f1(r.load.p50)} | ${f1(r.load.p99)} | ${r.load.p99 <= limitMs && r.load.rps >= rate * 0.95 ? 'yes' : 'no'} |`,
    ),
  ].join('\n');
}

export interface Verdict {
  goal: string;
  measured: string;
  holds: boolean | null;
}

export function verdictTable(vs: Verdict[]): string {
  return ['| target | measured | holds |', '|---|---|---|', ...vs.map((v) => `| ${v.goal} | ${v.measured} | ${v.holds === null ? 'pending' : v.holds ? 'yes' : '**no**'} |`)].join(
    '\n',
  );
}

export { f1, f2, pct, signed };
