import type { EntityManager } from '@mikro-orm/core';
import { CompiledQuery, type Transaction } from 'kysely';
import pg from 'pg';
import type { ConnectionOptions } from './connection-options.js';
import { isDatabaseUnavailable } from './db-faults.js';
import { type Statement, Statements, type StatementResult } from './statement.js';

export interface SqlStats {
  statements: number;
}

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

/**
 * A named query carrying pg's default parsers: the pool is the ORM's, whose own parsers (dates as strings) must not reach
 * plain rows.
 */
function namedQuery(name: string, text: string, values: readonly unknown[]): pg.QueryConfig {
  return { name, text, values: values as unknown[], types: pg.types };
}

/** A pool of its own to a read replica (the primary's pool is the ORM's); connection errors must not crash the process. */
export function openReplicaPool(connectionString: string, max: number, options?: ConnectionOptions): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, ...options });
  // An idle client's network error must not crash the process; nor may a checked-out one's (the pool listens only while
  // a client is idle): its query rejects, and release(error) drops the client.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  return pool;
}

/** Plain-row statements, named and prepared, on the pool MikroORM's connection owns; no ORM hydration on hot paths. */
export class Sql extends Statements {
  readonly stats: SqlStats = { statements: 0 };
  private next = 0;
  /** `replicas`: streaming replicas that `replicaRows` reads from, in turn; everything else goes to the primary `pool`. */
  constructor(
    readonly pool: pg.Pool,
    private readonly hook?: StatementHook,
    private readonly replicas: readonly pg.Pool[] = [],
  ) {
    super();
  }

  override rows<R, P extends readonly unknown[]>(s: Statement<R, P>, ...params: P): Promise<R[]>;
  /** Untyped, for tests' one-off statements; the gateway's own are declared with `statement`. */
  override rows<T>(name: string, text: string, values?: unknown[]): Promise<T[]>;
  override async rows(s: Statement<unknown, unknown[]> | string, ...rest: unknown[]): Promise<unknown[]> {
    if (typeof s !== 'string') return super.rows(s, ...rest);
    return (await this.execute(s, rest[0] as string, (rest[1] ?? []) as unknown[])).rows;
  }

  /**
   * A read that may lag the primary by the replication delay: only for data that decides no exposure and that no caller
   * expects to read right after writing it (public listings). Falls back to the primary while a replica is away.
   */
  async replicaRows<R, P extends readonly unknown[]>(s: Statement<R, P>, ...params: P): Promise<R[]> {
    if (!this.replicas.length) return this.rows(s, ...params);
    const replica = this.replicas[this.next++ % this.replicas.length];
    try {
      return (await this.run(replica, s.name, s.text, params)).rows as R[];
    } catch (e) {
      if (!isDatabaseUnavailable(e)) throw e;
      return this.rows(s, ...params);
    }
  }

  /**
   * The statements of the transaction `em` runs in, on its connection: they commit or roll back with the ORM's own writes
   * there. Counted and observed like those on the pool.
   */
  within(em: EntityManager): Statements {
    return transactionStatements(em, this.stats, this.hook);
  }

  protected execute(name: string, text: string, values: readonly unknown[]): Promise<StatementResult> {
    return this.run(this.pool, name, text, values);
  }

  private async run(pool: pg.Pool, name: string, text: string, values: readonly unknown[]): Promise<StatementResult> {
    this.stats.statements++;
    const done = this.hook?.(name);
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (e) {
      done?.(false, 0);
      throw e;
    }
    try {
      const res = await client.query(namedQuery(name, text, values));
      client.release();
      done?.(true, res.rowCount ?? 0);
      return { rows: res.rows, rowCount: res.rowCount ?? 0 };
    } catch (e) {
      done?.(false, 0);
      client.release(keepsConnection(e) ? undefined : (e as Error));
      throw e;
    }
  }

  async ping(): Promise<boolean> {
    try {
      await this.pool.query('select 1');
      return true;
    } catch {
      return false;
    }
  }

  /** Ends the replicas' pools; the primary's closes with the ORM. */
  async close(): Promise<void> {
    await Promise.all(this.replicas.map((p) => p.end()));
  }
}

/**
 * The statements of the transaction `em` runs in, for jobs and scripts that hold no Sql (nothing observes them); requests use
 * `sql.within(em)`, which counts and observes them.
 */
export function transactionStatements(em: EntityManager, stats?: SqlStats, hook?: StatementHook): Statements {
  const trx = em.getTransactionContext<Transaction<unknown>>();
  if (!trx) throw new Error('typed statements of a transaction need an EntityManager inside one');
  return new TransactionStatements(trx, stats, hook);
}

class TransactionStatements extends Statements {
  constructor(
    private readonly trx: Transaction<unknown>,
    private readonly stats?: SqlStats,
    private readonly hook?: StatementHook,
  ) {
    super();
  }

  protected async execute(name: string, text: string, values: readonly unknown[]): Promise<StatementResult> {
    if (this.stats) this.stats.statements++;
    const done = this.hook?.(name);
    try {
      // Kysely hands its query text to pg's client.query as is, and pg takes a query config there too: so the statement
      // stays named (prepared once per connection) and parsed by pg's defaults on the transaction's connection.
      const res = await this.trx.executeQuery(CompiledQuery.raw(namedQuery(name, text, values) as unknown as string, [...values]));
      const rowCount = res.numAffectedRows === undefined ? res.rows.length : Number(res.numAffectedRows);
      done?.(true, rowCount);
      return { rows: res.rows, rowCount };
    } catch (e) {
      done?.(false, 0);
      throw e;
    }
  }
}
