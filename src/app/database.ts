import { MikroORM } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { ormConfig } from '../../mikro-orm.config.js';
import type { Config } from '../config/config.js';
import { servingConnectionOptions, type ConnectionOptions } from '../db/connection-options.js';
import { isDatabaseUnavailable } from '../db/db-faults.js';
import { BEFORE_PLAIN_PII_DROP, BEFORE_PLAIN_TEXT_DROP, PLAIN_PII_DROP, PLAIN_TEXT_DROP } from '../migrations/index.js';
import { sealLegacyAuthoredTexts } from './authored-texts.backfill.js';
import { sealLegacyPersonalData } from '../users/personal-data.backfill.js';
import { startEmbeddedPostgres, type EmbeddedDb } from '../db/embedded-postgres.js';

/** `pool`: the ORM's one pg pool, which the plain-row statements (`new Sql(pool)`) share. */
export interface Database {
  orm: MikroORM;
  url: string;
  pool: pg.Pool;
  close(): Promise<void>;
}

/** The ORM and its pg pool, made but not connected, so that the process still starts while the database is away. */
async function initOrm(url: string, poolMax: number, connection?: ConnectionOptions): Promise<{ orm: MikroORM; pool: pg.Pool }> {
  let pool: pg.Pool | undefined;
  const orm = await MikroORM.init(
    ormConfig(url, poolMax, connection, (p) => {
      pool = p;
    }),
  );
  orm.em.getConnection().getClient();
  if (!pool) throw new Error('the ORM made no pg pool');
  return { orm, pool };
}

/** The server URL: DATABASE_URL when given, else an embedded Postgres under the data folder. */
export async function resolveDatabaseUrl(cfg: Config, log: (m: string) => void): Promise<{ url: string; embedded: EmbeddedDb | null }> {
  if (cfg.databaseUrl) return { url: cfg.databaseUrl, embedded: null };
  const embedded = await startEmbeddedPostgres(cfg.dataDir, cfg.embeddedPgPort, log);
  return { url: embedded.url, embedded };
}

// In migration order: each seals legacy values in Node (keys and crypto live here, not in SQL) between the migration that adds
// the sealed columns and the one that drops the plain ones. The texts are sealed under the keys the first step creates.
const BACKFILLS = [
  { before: BEFORE_PLAIN_PII_DROP, drop: PLAIN_PII_DROP, seal: sealLegacyPersonalData },
  { before: BEFORE_PLAIN_TEXT_DROP, drop: PLAIN_TEXT_DROP, seal: sealLegacyAuthoredTexts },
];

/** Applies pending migrations; legacy personal values and texts are sealed per user before their plain columns are dropped. */
export async function migrateDatabase(orm: MikroORM, cfg: Config): Promise<void> {
  for (const step of BACKFILLS) {
    const pending = (await orm.migrator.getPending()).map((m) => m.name);
    if (!pending.includes(step.drop)) continue;
    if (pending.includes(step.before)) await orm.migrator.up({ to: step.before });
    await step.seal(orm, cfg);
  }
  await orm.migrator.up();
}

export async function openDatabase(cfg: Config, log: (m: string) => void, migrate = true): Promise<Database> {
  const { url, embedded } = await resolveDatabaseUrl(cfg, log);
  try {
    const { orm, pool } = await initOrm(url, cfg.dbPoolMax);
    if (migrate) await migrateDatabase(orm, cfg);
    return {
      orm,
      url,
      pool,
      async close() {
        await orm.close(true);
        await embedded?.stop();
      },
    };
  } catch (e) {
    await embedded?.stop();
    throw e;
  }
}

export class PendingMigrationsError extends Error {
  constructor(names: string[]) {
    super(`the database needs migrating (${names.length} pending, first ${names[0]}): run npm run migrate`);
  }
}

/**
 * The gateway's database: a serving ORM with the connection timeouts, connected lazily so that the process can start while the
 * database is away. `prepare` migrates outside production (on an ORM without timeouts) and refuses pending migrations in it.
 */
export async function openServingDatabase(cfg: Config, log: (m: string) => void): Promise<Database & { prepare(): Promise<void> }> {
  const { url, embedded } = await resolveDatabaseUrl(cfg, log);
  const { orm, pool } = await initOrm(url, cfg.dbPoolMax, servingConnectionOptions(cfg));
  return {
    orm,
    url,
    pool,
    async prepare() {
      const pending = (await orm.migrator.getPending()).map((m) => m.name);
      if (!pending.length) return;
      if (cfg.env === 'production') throw new PendingMigrationsError(pending);
      const migrator = await MikroORM.init(ormConfig(url, 1));
      try {
        await migrateDatabase(migrator, cfg);
      } finally {
        await migrator.close(true);
      }
    },
    async close() {
      await orm.close(true);
      await embedded?.stop();
    },
  };
}

/** Runs `step` until it stops failing for an unavailable database, backing off from 0.25 s to 5 s; other errors end it. */
export async function retryWhileUnavailable(step: () => Promise<void>, log: (m: string) => void, stopped: () => boolean): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await step();
    } catch (e) {
      if (!isDatabaseUnavailable(e) || stopped()) throw e;
      const wait = Math.min(5000, 250 * 2 ** attempt);
      log(`database unavailable (${(e as { code?: string }).code ?? 'no answer'}); retrying in ${wait} ms`);
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}
