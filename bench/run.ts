// npm run bench: the gateway against raw pg and PostGraphile on a fresh 10,000-user database; writes bench/results/<date>-bench.md.
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/config.js';
import { checkS1, checkS2S4, checkS6, SIZES, statementsBySize } from './checks.js';
import { appName, startChild, stopAllChildren, type Child } from './children.js';
import { DbCpu } from './db-cpu.js';
import { prepareBenchDatabase, type BenchDatabase } from './database.js';
import { loadFixtures, S1_BOOKINGS, S1_TOURS, type Fixtures } from './fixtures.js';
import { CONNECTIONS, load, type LoadResult, type Traffic } from './load.js';
import { cpuMs } from './proc-cpu.js';
import { profileWhile, topSelfTime } from './profile.js';
import { f1, f2, fixedRateTable, mainTable, pct, signed, summarize, verdictTable, type FixedRow, type Sample, type ScenarioRows, type Summary, type Verdict } from './report.js';
import { s1, s2, s4, S4_OPERATIONS, S6_QUERY } from './scenarios.js';
import { settled, type Target } from './targets.js';
import { checkWrite, createBookingShape, mobileTraffic, travellerTokens, writeTraffic } from './writes.js';

const { values: opt } = parseArgs({
  options: {
    seconds: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '3' },
    warmup: { type: 'string', default: '2' },
    users: { type: 'string', default: '10000' },
    'skip-profile': { type: 'boolean', default: false },
  },
});
const SECONDS = Number(opt.seconds);
const ROUNDS = Number(opt.rounds);
const WARMUP = Number(opt.warmup);
const USERS = Number(opt.users);
const FIXED_RATE = 400;
const P99_LIMIT_MS = 50;
const WORK = new URL('./.work', import.meta.url).pathname;
const LOGS = join(WORK, 'logs');

let db: BenchDatabase | null = null;
let dbCpu: DbCpu | null = null;
async function cleanUp(): Promise<void> {
  await stopAllChildren();
  await dbCpu?.close().catch(() => {});
  await db?.stop();
}
process.on('SIGINT', () => {
  console.error('\ninterrupted: stopping the servers');
  void cleanUp().finally(() => process.exit(130));
});

const started = Date.now();
const log = (m: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${m}`);

function benchEnv(extra: Record<string, string> = {}): Record<string, string | undefined> {
  return {
    ...process.env,
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: '0',
    QAZ_DATA_DIR: WORK,
    DATABASE_URL: db?.url,
    ACCESS_TOKEN_TTL_SECONDS: '3600',
    PRIVACY_TRANSFORM: 'on',
    // The load comes from a few tokens and one address: per-caller limits would refuse most of it.
    RATE_LIMIT_USER_PER_MINUTE: '0',
    RATE_LIMIT_PARTNER_PER_MINUTE: '0',
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0',
    // The load pulls one partner's travellers far above any breach ceiling: holding its releases mid-run would change what is measured.
    BREACH_HOLD: 'off',
    // PostGraphile plans more slowly in its development mode.
    GRAPHILE_ENV: 'production',
    ...extra,
  };
}

async function partnerToken(gateway: Child, fx: Fixtures, scope?: string): Promise<string> {
  const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: fx.clientId, client_secret: fx.clientSecret, ...(scope ? { scope } : {}) });
  const res = await fetch(`${gateway.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
    signal: AbortSignal.timeout(30_000),
  });
  if (!res.ok) throw new Error(`POST /oauth/token: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

interface Plan {
  scenario: string;
  target: Target;
  traffic: Traffic;
  statements: boolean;
}

async function measure(p: Plan, seconds: number, dbCpu: DbCpu, rate?: number): Promise<Sample> {
  const app = appName(p.target.child.name);
  const before = await settled(p.target);
  const [cpu, db0] = [cpuMs(p.target.child.pid), await dbCpu.snapshot(app)];
  const l: LoadResult = await load(p.target.child.url, p.traffic, seconds, rate);
  const after = await settled(p.target);
  const [cpuAfter, db1] = [cpuMs(p.target.child.pid), await dbCpu.snapshot(app)];
  return {
    load: l,
    requests: after.requests - before.requests,
    cpuMs: cpuAfter - cpu,
    dbCpuMs: dbCpu.local ? DbCpu.spent(db0, db1) : null,
    statements: after.statements - before.statements,
    graphqlErrors: after.errors - before.errors,
  };
}

async function main(): Promise<void> {
  mkdirSync(LOGS, { recursive: true });
  const load0 = loadavg()[0];
  log(`seeding ${USERS} users into a fresh qaz_bench`);
  db = await prepareBenchDatabase(benchEnv({ DATABASE_URL: '' }), USERS, log);
  const fx = await loadFixtures(db.url);
  dbCpu = await DbCpu.connect(db.url);
  log(
    `database on ${db.where}: ${Object.entries(db.counts)
      .filter(([t]) => ['users', 'tours', 'bookings'].includes(t))
      .map(([t, n]) => `${n} ${t}`)
      .join(', ')}`,
  );

  const gw = await startChild('gateway', 'src/main.ts', benchEnv(), LOGS);
  const [off, gwJs, raw, pgl] = await Promise.all([
    startChild('gateway-transform-off', 'src/main.ts', benchEnv({ PRIVACY_TRANSFORM: 'off' }), LOGS),
    startChild('gateway-graphql-js', 'src/main.ts', benchEnv({ GRAPHQL_EXECUTOR: 'graphql-js' }), LOGS),
    startChild('raw', 'bench/raw-server.ts', benchEnv(), LOGS),
    startChild('postgraphile', 'bench/postgraphile-server.ts', benchEnv(), LOGS),
  ]);
  log(`servers up: gateway ${gw.url}, transform off ${off.url}, graphql-js ${gwJs.url}, raw ${raw.url}, PostGraphile ${pgl.url}`);

  const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
  const T = {
    raw: { name: 'raw pg', kind: 'raw', child: raw, headers: {} } as Target,
    gateway: { name: 'gateway', kind: 'gateway', child: gw, headers: bearer(await partnerToken(gw, fx)) } as Target,
    masked: { name: 'gateway, masked partner', kind: 'gateway', child: gw, headers: bearer(await partnerToken(gw, fx, 'tours:read bookings:read')) } as Target,
    off: { name: 'gateway, transform off', kind: 'gateway', child: off, headers: bearer(await partnerToken(off, fx)) } as Target,
    js: { name: 'gateway, graphql-js', kind: 'gateway', child: gwJs, headers: bearer(await partnerToken(gwJs, fx)) } as Target,
    postgraphile: { name: 'PostGraphile 5', kind: 'postgraphile', child: pgl, headers: {} } as Target,
  };

  log('checking replies before timing anything');
  const mobile = mobileTraffic(await travellerTokens(loadConfig(benchEnv()), fx.mobileUserIds));
  const checks = [...(await checkS1(T, fx)), ...(await checkS2S4(T.raw, [T.gateway, T.off, T.js, T.postgraphile], fx)), await checkS6(T.gateway, T.js, mobile)];
  const bySize = await statementsBySize(T.raw, [T.gateway, T.masked, T.off, T.postgraphile], fx);
  const { shape, note: s5Note } = await createBookingShape();
  const tokens = await travellerTokens(loadConfig(benchEnv()), fx.writeUserIds);
  const writers: Target[] = [T.raw];
  checks.push(await checkWrite(T.raw, db.url, fx, null, tokens));
  if (shape) {
    try {
      checks.push(await checkWrite(T.gateway, db.url, fx, shape, tokens));
      writers.push(T.gateway);
    } catch (e) {
      checks.push(`S5 gateway: not timed, its check failed: ${(e as Error).message.slice(0, 300)}`);
    }
  } else checks.push(`S5 gateway: ${s5Note}`);
  for (const c of checks) log(`  ${c}`);

  const fixedReqs = (t: Target, scenario: string) => ({ requests: scenario === 'S1' ? [s1(t.kind, fx)] : s2(t.kind, fx), headers: t.headers });
  const plans: Plan[] = [
    ...[T.raw, T.gateway, T.js, T.off, T.postgraphile].map((t) => ({ scenario: 'S1', target: t, traffic: fixedReqs(t, 'S1'), statements: true })),
    { scenario: 'S3', target: T.masked, traffic: fixedReqs(T.masked, 'S1'), statements: true },
    ...[T.raw, T.gateway, T.js, T.off, T.postgraphile].map((t) => ({ scenario: 'S2', target: t, traffic: fixedReqs(t, 'S2'), statements: true })),
    ...[T.raw, T.gateway, T.postgraphile].map((t) => ({ scenario: 'S4', target: t, traffic: { requests: s4(t.kind, fx), headers: t.headers }, statements: true })),
    // The gateway's writes may go through the ORM, which qaz_sql_statements_total does not count.
    ...writers.map((t) => ({ scenario: 'S5', target: t, traffic: writeTraffic(t.kind as 'raw' | 'gateway', fx, shape, tokens), statements: t.kind === 'raw' })),
    ...[T.gateway, T.js].map((t) => ({ scenario: 'S6', target: t, traffic: mobile, statements: true })),
  ];

  log(`warm-up: ${WARMUP} s per scenario and target`);
  for (const p of plans) await load(p.target.child.url, p.traffic, WARMUP);
  const samples = new Map<Plan, Sample[]>(plans.map((p) => [p, []]));
  const scenarios = [...new Set(plans.map((p) => p.scenario))];
  for (let r = 0; r < ROUNDS; r++) {
    for (const sc of scenarios) {
      // Each round starts the alternation with a different target, so none always runs first.
      const group = plans.filter((p) => p.scenario === sc);
      for (let i = 0; i < group.length; i++) {
        const p = group[(i + r) % group.length];
        const s = await measure(p, SECONDS, dbCpu);
        samples.get(p)!.push(s);
        log(
          `round ${r + 1}/${ROUNDS} ${sc} ${p.target.name}: ${s.load.rps.toFixed(0)} req/s, p99 ${s.load.p99} ms, CPU ms/req ${(s.cpuMs / s.requests).toFixed(2)} server, ${s.dbCpuMs === null ? 'n/a' : (s.dbCpuMs / s.requests).toFixed(2)} Postgres`,
        );
      }
    }
  }

  const fixed: FixedRow[] = [];
  for (const sc of ['S1', 'S2']) {
    for (const t of [T.raw, T.gateway, T.off, T.postgraphile]) {
      const l = await load(t.child.url, fixedReqs(t, sc), SECONDS, FIXED_RATE);
      fixed.push({ scenario: sc, target: t.name, load: l });
      log(`${FIXED_RATE} req/s ${sc} ${t.name}: got ${l.rps.toFixed(0)} req/s, p99 ${l.p99} ms`);
    }
  }

  let profile = 'skipped (--skip-profile)';
  if (!opt['skip-profile']) {
    const sections: string[] = [];
    // Before: graphql-js executing the same schema; after: the compiled executor. S6 shows the mobile path on the latter.
    for (const [title, executor, scenario] of [
      ['S1, graphql-js (before)', 'graphql-js', 'S1'],
      ['S1, graphql-jit (after)', 'jit', 'S1'],
      ['S6, graphql-jit', 'jit', 'S6'],
    ] as const) {
      log(`profiling the gateway under ${title}`);
      const prof = await startChild(`gateway-profiled-${executor}-${scenario}`, 'src/main.ts', benchEnv({ GRAPHQL_EXECUTOR: executor }), LOGS, ['--inspect=127.0.0.1:0']);
      if (!prof.inspector) throw new Error('the profiled gateway printed no inspector address');
      const t: Target = { ...T.gateway, child: prof, headers: bearer(await partnerToken(prof, fx)) };
      const traffic = scenario === 'S1' ? fixedReqs(t, 'S1') : mobile;
      await load(prof.url, traffic, WARMUP);
      const cpu = await profileWhile(prof.inspector, () => load(prof.url, traffic, SECONDS));
      await prof.stop();
      sections.push(
        `### ${title}`,
        '',
        '| self time | share of busy samples | function |',
        '|---:|---:|---|',
        ...topSelfTime(cpu).map((s) => `| ${s.ms.toFixed(0)} ms | ${pct(s.share)} | \`${s.fn}\` |`),
        '',
      );
    }
    profile = sections.join('\n');
  }

  const summary = new Map(plans.map((p) => [`${p.scenario}/${p.target.name}`, summarize(samples.get(p)!)]));
  const get = (sc: string, t: Target) => summary.get(`${sc}/${t.name}`);
  const rows: ScenarioRows[] = scenarios.map((sc) => ({
    scenario: sc,
    rows: plans.filter((p) => p.scenario === sc).map((p) => ({ target: p.target.name, s: get(sc, p.target)!, statements: p.statements })),
  }));
  const table = mainTable(
    rows,
    (sc) => get(sc === 'S3' ? 'S1' : sc, T.raw),
    (sc) => get(sc === 'S3' ? 'S1' : sc, T.postgraphile),
  );
  const verdicts = judge(get, T, bySize, fixed);
  const wall = (Date.now() - started) / 1000;
  const md = [
    `# Benchmark ${new Date().toISOString().slice(0, 10)}`,
    '',
    `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}; load average ${load0.toFixed(2)} at start and ${loadavg()[0].toFixed(2)} at the end.`,
    'The load generator (autocannon, in the bench process) and Postgres share the two cores with the server under test, so absolute numbers are low and noisy; ratios from alternating rounds are the useful part.',
    '',
    `Database: fresh \`qaz_bench\` on ${db.where}, seeded by seedDemo with ${USERS} users (${db.counts.tours} tours, ${db.counts.bookings} bookings). Every server has a pool of 10 connections.`,
    `Load: autocannon, ${CONNECTIONS} connections, closed loop, ${WARMUP} s warm-up per scenario and target, then ${ROUNDS} rounds of ${SECONDS} s with the targets alternating; req/s, p50 and p99 are medians over rounds. Server CPU is utime+stime of the server's process from /proc/<pid>/stat over each run; Postgres CPU is the same for the backends with the server's application_name; both per request as counted by the server, after in-flight requests have finished. Wall time of the whole bench: ${wall.toFixed(0)} s.`,
    '',
    '## Scenarios',
    '',
    `- S1: ${S1_TOURS} tours of one partner (${fx.partnerId}) with their bookings (first ${S1_BOOKINGS}) and the travellers' id, fullName, phone, iin, passportNumber, gender, as that partner (scope travelers:read, purpose TOUR_BOOKING): ${fx.bookingsShown} bookings, about ${S1_TOURS * 2 + fx.bookingsShown * 8} fields. The gateway is asked \`partnerTours(first: ${S1_TOURS}, after) { nodes { id title bookings(first: ${S1_BOOKINGS}) { nodes { id seats traveller { ... } } } } }\`; raw runs the gateway's statement (partner_tours_travellers: tours, bookings pages and stored travellers in one) and opens each traveller's sealed values (unwrap the per-user key, decrypt) as the gateway does; PostGraphile lists the same tours with \`allToursList(condition: {partnerId}, orderBy: [STARTS_ON_DESC, ROW_ID_DESC], offset: ${fx.offset}, first)\` (Postgres computes its per-tour bookings subquery for skipped rows too, so the window is among the partner's newest tours). Both lists use the migrations' index on tours (partner_id, starts_on, id). PostGraphile returns the sealed personal value and gender, so it does less work per traveller: no key unwrapping, no decryption, no name joining.`,
    '- S2: one tour by id (6 scalar fields, 50 ids in rotation).',
    '- S3: S1 as a masked principal: the same partner with a token without travelers:read, so full names are masked and the other identity fields hidden.',
    `- S4: ${S4_OPERATIONS} distinct operations in rotation (own operation name, root alias, field order and field aliases; one tour each). They defeat a one-entry document cache, not Apollo's LRU or Grafast's plan cache, which hold all ${S4_OPERATIONS}.`,
    `- S6: the mobile app's hot path, gateway only (raw and PostGraphile have no equivalent): ${fx.mobileUserIds.length} travellers booked on S1's tours, in rotation, each reading \`${S6_QUERY.replace(/\s+/g, ' ')}\` with their own token. The disclosure log fills as S1 runs. "gateway, graphql-js" is the same server executing with graphql-js (GRAPHQL_EXECUTOR=graphql-js) instead of compiled operations.`,
    `- S5: createBooking writes, a fresh idempotency key per request, random consenting travellers, ${fx.writeTourIds.length} tours of another partner with capacity raised to 1,000,000 (${s5Note}). Raw runs the gateway's own createBooking (seats, booking and event in one statement); PostGraphile is not asked (its generated createBooking does not take seats).`,
    '',
    '## Checks before timing',
    '',
    ...checks.map((c) => `- ${c}`),
    '',
    '## Results',
    '',
    table,
    '',
    "% of raw and × PostGraphile compare req/s in the same scenario (S3 against S1). Statements per request: the gateway's /metrics qaz_sql_statements_total delta; raw counts its own; PostGraphile counts every query its pg clients send (pg_stat_statements is not preloaded on this server).",
    '',
    `SQL statements per S1 request at ${SIZES.join(' and at ')} tours (${bySize.bookings.join(' and ')} bookings): ${[...bySize.statements].map(([n, per]) => `${n} ${per.join(' / ')}`).join('; ')}.`,
    '',
    `## Fixed rate (${FIXED_RATE} req/s, ${CONNECTIONS} connections, ${SECONDS} s, latencies corrected for coordinated omission)`,
    '',
    fixedRateTable(FIXED_RATE, fixed, P99_LIMIT_MS),
    '',
    '## Targets',
    '',
    verdictTable(verdicts),
    '',
    '## Where the gateway spends its time (V8 CPU profile of its main thread over one run, top 10 self time)',
    '',
    profile,
    '',
  ].join('\n');
  const file = new URL(`./results/${new Date().toISOString().slice(0, 10)}-bench.md`, import.meta.url).pathname;
  mkdirSync(new URL('./results', import.meta.url).pathname, { recursive: true });
  writeFileSync(file, md);
  console.log(`\n${md}`);
  log(`written to ${file}`);
}

function judge(
  get: (sc: string, t: Target) => Summary | undefined,
  T: Record<'raw' | 'gateway' | 'masked' | 'off' | 'postgraphile', Target>,
  bySize: { bookings: number[]; statements: Map<string, number[]> },
  fixed: FixedRow[],
): Verdict[] {
  const s1 = get('S1', T.gateway)!;
  const s1Off = get('S1', T.off)!;
  const s2 = get('S2', T.gateway)!;
  const s2Off = get('S2', T.off)!;
  const s3 = get('S3', T.masked)!;
  const vsPgl = s1.rps / get('S1', T.postgraphile)!.rps;
  const ofRaw = s1.rps / get('S1', T.raw)!.rps;
  const overhead = (g: Summary, o: Summary) => 1 - g.rps / o.rps;
  const cost = (g: Summary, o: Summary) =>
    `req/s ${signed(g.rps / o.rps - 1)} vs transform off; per request server CPU ${signed(g.cpuPerRequest / o.cpuPerRequest - 1)}, Postgres CPU ${signed(g.dbCpuPerRequest / o.dbCpuPerRequest - 1)}`;
  const gateways = [T.gateway, T.masked, T.off];
  const constant = bySize.bookings[0] > 0 && bySize.bookings[0] < bySize.bookings[1] && gateways.every((t) => new Set(bySize.statements.get(t.name)).size === 1);
  const p99 = (sc: string) => fixed.find((f) => f.scenario === sc && f.target === T.gateway.name)!.load;
  const atRate = (l: LoadResult) => l.p99 <= P99_LIMIT_MS && l.rps >= FIXED_RATE * 0.95;
  return [
    { goal: 'S1 gateway ≥ 1.3× PostGraphile', measured: `${f2(vsPgl)}×`, holds: vsPgl >= 1.3 },
    { goal: 'S1 gateway ≥ 60% of raw', measured: pct(ofRaw), holds: ofRaw >= 0.6 },
    { goal: 'mask overhead ≤ 5% on S1', measured: cost(s1, s1Off), holds: overhead(s1, s1Off) <= 0.05 },
    { goal: 'mask overhead ≤ 2% on S2', measured: cost(s2, s2Off), holds: overhead(s2, s2Off) <= 0.02 },
    {
      goal: 'masked no slower than allowed (S3 vs S1)',
      measured: `req/s ratio ${f2(s3.rps / s1.rps)}, CPU/req ratio ${f2(s3.cpuPerRequest / s1.cpuPerRequest)} (holds at ≥ 0.98, run-to-run noise)`,
      holds: s3.rps / s1.rps >= 0.98,
    },
    {
      goal: 'statements per request independent of list size',
      measured: `${SIZES.join(' → ')} tours (${bySize.bookings.join(' → ')} bookings): ${gateways.map((t) => `${t.name} ${bySize.statements.get(t.name)!.join(' → ')}`).join('; ')}`,
      holds: constant,
    },
    { goal: `p99 ≤ ${P99_LIMIT_MS} ms at ${FIXED_RATE} req/s, S1`, measured: `got ${p99('S1').rps.toFixed(0)} req/s, p99 ${f1(p99('S1').p99)} ms`, holds: atRate(p99('S1')) },
    { goal: `p99 ≤ ${P99_LIMIT_MS} ms at ${FIXED_RATE} req/s, S2`, measured: `got ${p99('S2').rps.toFixed(0)} req/s, p99 ${f1(p99('S2').p99)} ms`, holds: atRate(p99('S2')) },
  ];
}

try {
  await main();
} catch (e) {
  console.error(`bench failed: ${(e as Error).stack ?? String(e)}`);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
// Pools and sockets of the load generator may linger; the bench is over.
process.exit();
