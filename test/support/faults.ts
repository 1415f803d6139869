import pg from 'pg';

export const TOURS = JSON.stringify({ query: '{ tours(first: 1) { nodes { id } } }' });

export interface Answer {
  status: number;
  ms: number;
  retryAfter: string | null;
  body: any;
}

/** POSTs a GraphQL body and times the answer. */
export async function post(baseUrl: string, body = TOURS): Promise<Answer> {
  const t0 = Date.now();
  const res = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await res.text();
  return { status: res.status, ms: Date.now() - t0, retryAfter: res.headers.get('retry-after'), body: text ? JSON.parse(text) : null };
}

export async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const v = await probe();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A connection of the test's own that holds an exclusive lock on a table until released. */
export async function lockTable(url: string, table: string): Promise<{ client: pg.Client; release(): Promise<void> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('begin');
  await client.query(`lock table ${table} in access exclusive mode`);
  return {
    client,
    async release() {
      await client.query('commit');
      await client.end();
    },
  };
}

/** Backend pids of the gateway's connections to this database, optionally only those waiting on a lock; `client` must be
 * outside a transaction, which would see one snapshot of pg_stat_activity. */
export async function gatewayBackends(client: pg.Client, waitingOnLock = false): Promise<number[]> {
  const { rows } = await client.query<{ pid: number }>(
    `select pid from pg_stat_activity where datname = current_database() and application_name = 'qaztracker-gateway'
       and ($1::boolean is false or wait_event_type = 'Lock') order by pid`,
    [waitingOnLock],
  );
  return rows.map((r) => r.pid);
}
