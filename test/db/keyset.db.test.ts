import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { loadConfig } from '../../src/config/config.js';
import { keysetAfter, utcTime } from '../../src/db/keyset.js';

const ROWS = 400;
const PAGE = 37;
let c: pg.Client;

// Rows of one group among others, as a subject's disclosures are: the index holds the group and the time, not the id.
beforeAll(async () => {
  c = new pg.Client({ connectionString: loadConfig({ ...process.env, NODE_ENV: 'test' }).databaseUrl! });
  await c.connect();
  await c.query(`create temp table k (grp int not null, at timestamptz not null, id uuid not null)`);
  // Every third row shares its time with the next, so the id decides between them.
  await c.query(`insert into k select g, timestamptz '2026-01-01' + ((i / 3) * interval '1 minute'), gen_random_uuid() from generate_series(1, $1) i, generate_series(1, 3) g`, [
    ROWS,
  ]);
  await c.query('create index on k (grp, at)');
  await c.query('analyze k');
  await c.query('set plan_cache_mode = force_generic_plan');
});
afterAll(async () => {
  await c.end();
});

const page = (order: 'asc' | 'desc', where: string) =>
  `select to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as key, id from k where grp = 2 and ${where} order by at ${order}, id ${order} limit ${PAGE}`;

async function walk(order: 'asc' | 'desc'): Promise<string[]> {
  const name = `walk_${order}`;
  const text = page(order, keysetAfter(order, { key: 'at', id: 'id' }, { key: utcTime('$1'), id: '$2' }));
  const seen: string[] = [];
  let after: [string | null, string | null] = [null, null];
  for (;;) {
    const { rows } = await c.query<{ key: string; id: string }>({ name, text, values: after });
    seen.push(...rows.map((r) => r.id));
    if (rows.length < PAGE) return seen;
    const last = rows[rows.length - 1];
    after = [last.key, last.id];
  }
}

// Rows the plan read and threw away, over every node.
async function removed(name: string, text: string, values: readonly string[]): Promise<number> {
  await c.query({ name, text, values: [...values] });
  const literal = values.map((v) => `'${v}'`).join(', ');
  const { rows } = await c.query<{ 'QUERY PLAN': unknown }>(`explain (analyze, format json) execute ${name}(${literal})`);
  const count = (node: Record<string, unknown>): number =>
    Number(node['Rows Removed by Filter'] ?? 0) + ((node.Plans as Record<string, unknown>[] | undefined) ?? []).reduce((n, p) => n + count(p), 0);
  return count((rows[0]['QUERY PLAN'] as { Plan: Record<string, unknown> }[])[0].Plan);
}

describe('keysetAfter: the rows after a keyset position', () => {
  it('walks every row of the group once, in order, ties broken by id, either way', async () => {
    for (const order of ['asc', 'desc'] as const) {
      const { rows } = await c.query<{ id: string }>(`select id from k where grp = 2 order by at ${order}, id ${order}`);
      expect(await walk(order)).toEqual(rows.map((r) => r.id));
    }
  });

  it('starts the index scan at the position: a deep page reads about a page, where `is null or` reads every earlier row', async () => {
    const { rows } = await c.query<{ key: string; id: string }>(
      `select to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as key, id from k where grp = 2 order by at desc, id desc offset 300 limit 1`,
    );
    const values = [rows[0].key, rows[0].id];
    const keyset = page('desc', keysetAfter('desc', { key: 'at', id: 'id' }, { key: utcTime('$1'), id: '$2' }));
    const nullable = page('desc', `($1::timestamp is null or (at, id) < ($1::timestamp at time zone 'UTC', $2::uuid))`);
    expect(await removed('deep_keyset', keyset, values)).toBeLessThan(5);
    expect(await removed('deep_nullable', nullable, values)).toBeGreaterThan(290);
  });
});
