import type { MikroORM } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { hashSecret } from '../src/oauth/secret-hash.js';
import type { Config } from '../src/config/config.js';
import { createPiiVault } from '../src/privacy/pii-vault.js';
import { generateDemo, type DemoOptions } from './demo.generator.js';
import { toDatabaseRows } from './demo-rows.mapper.js';
import { DEMO_TABLES, quoteTable, RUNTIME_TABLES } from './demo.tables.js';
import type { PlainApiClientRow } from './demo.types.js';
import { insertRows } from './table.writer.js';

export { DEMO_CLIENTS } from './partners.data.js';
export { DEMO_STAFF } from './staff.data.js';
export { DEMO_TICKETS } from './tickets.data.js';
export { DEMO_TRAVELERS } from './travelers.data.js';
export { DEFAULT_SEED, generateDemo, type DemoOptions } from './demo.generator.js';

export type SeedCounts = Record<string, number>;

// scrypt is deliberately slow: each demo secret is hashed once per run, not once per row.
async function hashClientSecrets(clients: readonly PlainApiClientRow[]): Promise<Map<string, string>> {
  return new Map(await Promise.all(clients.map(async (c) => [c.client_id, await hashSecret(c.client_secret)] as const)));
}

async function withClient<T>(db: MikroORM | pg.ClientBase, work: (client: pg.ClientBase) => Promise<T>): Promise<T> {
  if ('query' in db) return work(db);
  const client = await (await db.em.getConnection().getNativeClient()).connect();
  try {
    return await work(client);
  } finally {
    client.release();
  }
}

/** Empties the demo tables and fills them with generateDemo(opts), all in one transaction; refuses production. */
export async function seedDemo(db: MikroORM | pg.ClientBase, cfg: Config, opts: DemoOptions): Promise<SeedCounts> {
  if (cfg.env === 'production') throw new Error('refusing to replace data with demo data in production');
  const data = generateDemo(opts);
  const rows = toDatabaseRows(data, createPiiVault(cfg), await hashClientSecrets(data.apiClients));
  const tables = [...DEMO_TABLES.map((t) => t.table), ...RUNTIME_TABLES].map(quoteTable).join(', ');
  await withClient(db, async (client) => {
    await client.query('begin');
    try {
      await client.query(`truncate ${tables} cascade`);
      for (const spec of DEMO_TABLES) await insertRows(client, spec, rows[spec.key]);
      await client.query('commit');
    } catch (e) {
      await client.query('rollback');
      throw e;
    }
  });
  return Object.fromEntries(DEMO_TABLES.map((t) => [t.table, rows[t.key].length]));
}
