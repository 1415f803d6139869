import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '../../mikro-orm.config.js';
import type { Config } from '../config/config.js';
import { BEFORE_PLAIN_PII_DROP, PLAIN_PII_DROP } from '../migrations/index.js';
import { sealLegacyPersonalData } from '../users/personal-data.backfill.js';
import { startEmbeddedPostgres, type EmbeddedDb } from './embedded-postgres.js';

export interface Database { orm: MikroORM; url: string; close(): Promise<void> }

/** The server URL: DATABASE_URL when given, else an embedded Postgres under the data folder. */
export async function resolveDatabaseUrl(cfg: Config, log: (m: string) => void): Promise<{ url: string; embedded: EmbeddedDb | null }> {
  if (cfg.databaseUrl) return { url: cfg.databaseUrl, embedded: null };
  const embedded = await startEmbeddedPostgres(cfg.dataDir, cfg.embeddedPgPort, log);
  return { url: embedded.url, embedded };
}

/** Applies pending migrations; legacy personal values are sealed per user before their plain columns are dropped. */
export async function migrateDatabase(orm: MikroORM, cfg: Config): Promise<void> {
  const pending = (await orm.migrator.getPending()).map((m) => m.name);
  if (pending.includes(PLAIN_PII_DROP)) {
    if (pending.includes(BEFORE_PLAIN_PII_DROP)) await orm.migrator.up({ to: BEFORE_PLAIN_PII_DROP });
    await sealLegacyPersonalData(orm, cfg);
  }
  await orm.migrator.up();
}

export async function openDatabase(cfg: Config, log: (m: string) => void, migrate = true): Promise<Database> {
  const { url, embedded } = await resolveDatabaseUrl(cfg, log);
  try {
    const orm = await MikroORM.init(ormConfig(url, cfg.dbPoolMax));
    if (migrate) await migrateDatabase(orm, cfg);
    return {
      orm, url,
      async close() { await orm.close(true); await embedded?.stop(); },
    };
  } catch (e) {
    await embedded?.stop();
    throw e;
  }
}
