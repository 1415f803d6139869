import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '../../mikro-orm.config.js';
import type { Config } from '../config/config.js';
import { startEmbeddedPostgres, type EmbeddedDb } from './embedded-postgres.js';

export interface Database { orm: MikroORM; url: string; close(): Promise<void> }

/** The server URL: DATABASE_URL when given, else an embedded Postgres under the data folder. */
export async function resolveDatabaseUrl(cfg: Config, log: (m: string) => void): Promise<{ url: string; embedded: EmbeddedDb | null }> {
  if (cfg.databaseUrl) return { url: cfg.databaseUrl, embedded: null };
  const embedded = await startEmbeddedPostgres(cfg.dataDir, cfg.embeddedPgPort, log);
  return { url: embedded.url, embedded };
}

export async function openDatabase(cfg: Config, log: (m: string) => void, migrate = true): Promise<Database> {
  const { url, embedded } = await resolveDatabaseUrl(cfg, log);
  try {
    const orm = await MikroORM.init(ormConfig(url, cfg.dbPoolMax));
    if (migrate) await orm.migrator.up();
    return {
      orm, url,
      async close() { await orm.close(true); await embedded?.stop(); },
    };
  } catch (e) {
    await embedded?.stop();
    throw e;
  }
}
