import { isDeepStrictEqual } from 'node:util';
import type { Fixtures } from './fixtures.js';
import { s1, s2, s4 } from './scenarios.js';
import type { Traffic } from './load.js';
import { counters, data, type Target } from './targets.js';

export interface S1Targets {
  raw: Target;
  gateway: Target;
  masked: Target;
  off: Target;
  postgraphile: Target;
}

type Tree = Record<string, unknown>;
interface Diff {
  compared: number;
  skipped: number;
  diffs: string[];
}

// Leaf by leaf; paths the gateway reports as withheld (masked or hidden by policy) are skipped and counted.
function compare(a: unknown, b: unknown, path: string, skip: ReadonlySet<string>, out: Diff): void {
  if (skip.has(path)) {
    out.skipped++;
    return;
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    if (Array.isArray(a) !== Array.isArray(b) || (Array.isArray(a) && a.length !== (b as unknown[]).length)) {
      out.diffs.push(`${path}: shape`);
      return;
    }
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) compare((a as Tree)[k], (b as Tree)[k], path ? `${path}.${k}` : k, skip, out);
    return;
  }
  out.compared++;
  if (a !== b) out.diffs.push(`${path}: ${JSON.stringify(a)} != ${JSON.stringify(b)}`);
}

function diff(a: unknown, b: unknown, skip: ReadonlySet<string> = new Set()): Diff {
  const out: Diff = { compared: 0, skipped: 0, diffs: [] };
  compare(a, b, '', skip, out);
  return out;
}

function must(what: string, d: Diff): string {
  if (d.diffs.length) throw new Error(`${what}: ${d.diffs.length} differences, e.g. ${d.diffs.slice(0, 3).join('; ')}`);
  return `${what}: ${d.compared} values equal${d.skipped ? `, ${d.skipped} withheld by policy skipped` : ''}`;
}

interface S1Booking {
  id: string;
  seats: number;
  traveller: Tree;
}
// The gateway pages a tour's bookings ({ nodes }); raw and PostGraphile list them.
interface S1Tour {
  id: string;
  title: string;
  bookings: S1Booking[] | { nodes: S1Booking[] };
}

const nodesOf = (d: Tree) => (d.partnerTours as { nodes: S1Tour[] }).nodes;
const bookingsOf = (t: S1Tour) => (Array.isArray(t.bookings) ? t.bookings : t.bookings.nodes);

// What PostGraphile can be compared on: it returns the personal values still sealed, and pages newest first.
function common(tours: S1Tour[]): unknown {
  return tours.map((t) => ({
    id: t.id,
    title: t.title,
    bookings: bookingsOf(t).map((b) => ({ id: b.id, seats: b.seats, traveller: { id: b.traveller.id, gender: b.traveller.gender } })),
  }));
}

function personal(d: Tree): { values: Set<string>; total: number } {
  const values = new Set<string>();
  let total = 0;
  for (const t of nodesOf(d)) {
    for (const b of bookingsOf(t)) {
      for (const k of ['iin', 'passportNumber', 'phone'] as const) {
        const v = b.traveller[k];
        if (typeof v === 'string') {
          values.add(v);
          total++;
        }
      }
    }
  }
  return { values, total };
}

/** Raw and gateway agree on S1 (except values the policy withholds), PostGraphile returns the same rows, and the masked caller gets no raw identity value. */
export async function checkS1(t: S1Targets, fx: Fixtures): Promise<string[]> {
  const { data: raw } = await data(t.raw, s1('raw', fx));
  const { data: gw, reply } = await data(t.gateway, s1('gateway', fx));
  const reported = reply.json.extensions?.privacy?.withheld ?? [];
  // A person whose booking no longer relates them to the partner is named by a handle, not the account id raw returns.
  const handles = reported.filter((w) => w.reason === 'NOT_RELATED').map((w) => [...w.path.slice(0, -1), 'id'].join('.'));
  const withheld = new Set([...reported.map((w) => w.path.join('.')), ...handles]);
  const { data: off } = await data(t.off, s1('gateway', fx));
  const { data: pgl } = await data(t.postgraphile, s1('postgraphile', fx));
  const { reply: masked } = await data(t.masked, s1('gateway', fx));
  const rawValues = personal(raw);
  const leaked = [...rawValues.values].filter((v) => masked.text.includes(v));
  if (leaked.length) throw new Error(`S3: ${leaked.length} raw identity values reach the masked caller`);
  const shown = personal(gw).total;
  if (shown === 0) throw new Error('S1: the allowed partner sees no identity value in full; the scenario would not be the allowed one');
  const maskedWithheld = masked.json.extensions?.privacy?.withheld?.length ?? 0;
  const bookings = nodesOf(raw).reduce((n, t) => n + bookingsOf(t).length, 0);
  return [
    `S1 shape: ${nodesOf(raw).length} tours, ${bookings} bookings, ${JSON.stringify(raw).length} bytes of JSON from raw`,
    must('S1 gateway (allowed) = raw', diff(gw, raw, withheld)),
    // Person.id is not a @pii field: the transform-off server names those persons by handle too.
    must('S1 gateway (transform off) = raw', diff(off, raw, new Set(handles))),
    must('S1 PostGraphile = raw (ids, titles, seats, gender)', diff(common([...(pgl.allToursList as S1Tour[])].reverse()), common(nodesOf(raw)))),
    `S1 allowed partner: ${shown} of ${rawValues.total} IIN/passport/phone values in full`,
    `S3 masked partner: none of ${rawValues.values.size} raw IIN/passport/phone values in the reply; ${maskedWithheld} fields reported withheld`,
  ];
}

export async function checkS2S4(raw: Target, others: Target[], fx: Fixtures): Promise<string[]> {
  const lines: string[] = [];
  for (const [name, build, count] of [
    ['S2', s2, 5],
    ['S4', s4, Infinity],
  ] as const) {
    const expected = await Promise.all(
      build('raw', fx)
        .slice(0, count)
        .map(async (r) => (await data(raw, r)).data),
    );
    for (const o of others) {
      const got = await Promise.all(
        build(o.kind, fx)
          .slice(0, count)
          .map(async (r) => (await data(o, r)).data),
      );
      const same = got.filter((g, i) => isDeepStrictEqual(g, expected[i])).length;
      if (same !== got.length) throw new Error(`${name} ${o.name}: ${got.length - same} of ${got.length} replies differ from raw`);
      lines.push(`${name} ${o.name} = raw: ${same} replies`);
    }
  }
  return lines;
}

export const SIZES = [2, 50] as const;

/** Statements per S1 request at 2 and at 50 tours (batching should make them the same), and how many bookings each size shows. */
export async function statementsBySize(raw: Target, targets: Target[], fx: Fixtures): Promise<{ bookings: number[]; statements: Map<string, number[]> }> {
  const bookings = await Promise.all(SIZES.map(async (n) => nodesOf((await data(raw, s1('raw', fx, n))).data).reduce((k, t) => k + bookingsOf(t).length, 0)));
  const statements = new Map<string, number[]>();
  for (const t of [raw, ...targets]) {
    const per: number[] = [];
    for (const n of SIZES) {
      const before = (await counters(t)).statements;
      await data(t, s1(t.kind, fx, n));
      per.push((await counters(t)).statements - before);
    }
    statements.set(t.name, per);
  }
  return { bookings, statements };
}

/** S6: both executors give every traveller of the rotation the same reply, with their own profile in full and nothing withheld. */
export async function checkS6(a: Target, b: Target, traffic: Traffic): Promise<string> {
  if (!('next' in traffic)) throw new Error('S6 traffic rotates tokens');
  let disclosures = 0;
  const seen = new Set<string>();
  for (let i = 0; i < 16; i++) {
    const { headers, ...r } = traffic.next();
    const [x, y] = [await data(a, r, headers), await data(b, r, headers)];
    if (!isDeepStrictEqual(x.reply.json, y.reply.json)) throw new Error(`S6: ${a.name} and ${b.name} differ for one traveller`);
    if (x.reply.json.extensions?.privacy?.withheld.length) throw new Error('S6: the traveller is refused part of their own profile');
    const me = x.data.me as { id: string; disclosures: { nodes: unknown[] } };
    seen.add(me.id);
    disclosures += me.disclosures.nodes.length;
  }
  return `S6 ${a.name} = ${b.name}: ${seen.size} travellers, ${disclosures} disclosure log entries shown`;
}
