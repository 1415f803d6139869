import pg from 'pg';

export interface SqlStats { statements: number }

/** Plain-row reads over pg with named prepared statements; no ORM hydration on hot paths. */
export class Sql {
  readonly stats: SqlStats = { statements: 0 };
  constructor(private readonly pool: pg.Pool) {}

  static connect(url: string, max: number): Sql {
    const pool = new pg.Pool({ connectionString: url, max });
    // An idle client's network error must not crash the process.
    pool.on('error', () => {});
    return new Sql(pool);
  }

  async rows<T>(name: string, text: string, values: unknown[] = []): Promise<T[]> {
    this.stats.statements++;
    const res = await this.pool.query({ name, text, values });
    return res.rows as T[];
  }

  async ping(): Promise<boolean> {
    try { await this.pool.query('select 1'); return true; } catch { return false; }
  }

  async close(): Promise<void> { await this.pool.end(); }
}
