import 'reflect-metadata';
import pg from 'pg';
import { loadConfig } from '../src/config/config.js';
import { openDatabase, resolveDatabaseUrl } from '../src/app/database.js';
import { seedDemo } from '../seeds/demo.seeder.js';

export const BENCH_DB = 'qaz_bench';
const LOCAL_SERVER = 'postgresql://postgres@127.0.0.1:5432/postgres';

export interface BenchDatabase {
  url: string;
  counts: Record<string, number>;
  where: string;
  stop(): Promise<void>;
}

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

async function answers(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

async function recreate(serverUrl: string): Promise<void> {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    await c.query(`drop database if exists ${BENCH_DB} with (force)`);
    await c.query(`create database ${BENCH_DB}`);
  } finally {
    await c.end();
  }
}

/** A fresh qaz_bench on the local server (or on the embedded one when none answers), migrated and seeded. */
export async function prepareBenchDatabase(env: Record<string, string | undefined>, users: number, log: (m: string) => void): Promise<BenchDatabase> {
  const local = await answers(LOCAL_SERVER);
  const server = local ? { url: LOCAL_SERVER, embedded: null } : await resolveDatabaseUrl(loadConfig(env), log);
  try {
    await recreate(server.url);
    const url = withDatabase(server.url, BENCH_DB);
    const cfg = loadConfig({ ...env, DATABASE_URL: url });
    const db = await openDatabase(cfg, log);
    try {
      const counts = await seedDemo(db.orm, cfg, { users });
      const c = await (await db.orm.em.getConnection().getNativeClient()).connect();
      try {
        // Fresh statistics, so both servers get the plans a settled database would.
        await c.query('analyze');
      } finally {
        c.release();
      }
      return {
        url,
        counts,
        where: local ? '127.0.0.1:5432' : 'embedded Postgres',
        stop: async () => {
          await server.embedded?.stop();
        },
      };
    } finally {
      await db.close();
    }
  } catch (e) {
    await server.embedded?.stop();
    throw e;
  }
}
