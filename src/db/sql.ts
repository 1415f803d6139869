import pg from 'pg';
import type { ConnectionOptions } from './connection-options.js';
import { isDatabaseUnavailable } from './db-faults.js';

export interface SqlStats { statements: number }

/** Called as a statement starts; the function it returns is called as it ends (metrics and traces, per statement only). */
export type StatementHook = (name: string) => (ok: boolean, rowCount: number) => void;

/**
 * A server's error (it has a SQLSTATE, e.g. a statement timeout) leaves the connection usable, where pool.query would drop it;
 * but not a connection error (class 08) or a shutdown (57P01-57P03: a terminated backend says so before it closes).
 */
function keepsConnection(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && code.length === 5 && !code.startsWith('08') && !code.startsWith('57P');
}

/** Plain-row reads over pg with named prepared statements; no ORM hydration on hot paths. */
export class Sql {
  readonly stats: SqlStats = { statements: 0 };
  private next = 0;
  constructor(readonly pool: pg.Pool, private readonly hook?: StatementHook, private readonly replicas: readonly pg.Pool[] = []) {}

  /** `replicaUrls`: streaming replicas that `replicaRows` reads from, in turn; everything else goes to the primary at `url`. */
  static connect(url: string, max: number, options?: ConnectionOptions, hook?: StatementHook, replicaUrls: readonly string[] = []): Sql {
    const open = (connectionString: string) => {
      const pool = new pg.Pool({ connectionString, max, ...options });
      // An idle client's network error must not crash the process; nor may a checked-out one's (the pool listens only while
      // a client is idle): its query rejects, and release(error) drops the client.
      pool.on('error', () => {});
      pool.on('connect', (client) => client.on('error', () => {}));
      return pool;
    };
    return new Sql(open(url), hook, replicaUrls.map(open));
  }

  rows<T>(name: string, text: string, values: unknown[] = []): Promise<T[]> { return this.run(this.pool, name, text, values); }

  /**
   * A read that may lag the primary by the replication delay: only for data that decides no exposure and that no caller
   * expects to read right after writing it (public listings). Falls back to the primary while a replica is away.
   */
  async replicaRows<T>(name: string, text: string, values: unknown[] = []): Promise<T[]> {
    if (!this.replicas.length) return this.rows(name, text, values);
    const replica = this.replicas[this.next++ % this.replicas.length];
    try { return await this.run<T>(replica, name, text, values); } catch (e) {
      if (!isDatabaseUnavailable(e)) throw e;
      return this.rows(name, text, values);
    }
  }

  private async run<T>(pool: pg.Pool, name: string, text: string, values: unknown[]): Promise<T[]> {
    this.stats.statements++;
    const done = this.hook?.(name);
    let client: pg.PoolClient;
    try { client = await pool.connect(); } catch (e) { done?.(false, 0); throw e; }
    try {
      const res = await client.query({ name, text, values });
      client.release();
      done?.(true, res.rowCount ?? 0);
      return res.rows as T[];
    } catch (e) {
      done?.(false, 0);
      client.release(keepsConnection(e) ? undefined : e as Error);
      throw e;
    }
  }

  async ping(): Promise<boolean> {
    try { await this.pool.query('select 1'); return true; } catch { return false; }
  }

  async close(): Promise<void> { await Promise.all([this.pool, ...this.replicas].map((p) => p.end())); }
}
