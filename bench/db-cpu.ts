import pg from 'pg';
import { cpuMs } from './proc-cpu.js';

export type Snapshot = Map<number, number>;

/** CPU of the Postgres backends serving one server (told apart by application_name), when Postgres runs on this machine. */
export class DbCpu {
  private constructor(
    private readonly client: pg.Client,
    readonly local: boolean,
  ) {}

  static async connect(url: string): Promise<DbCpu> {
    const client = new pg.Client({ connectionString: url, application_name: 'bench-probe' });
    await client.connect();
    const {
      rows: [me],
    } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
    let local = true;
    try {
      cpuMs(me.pid);
    } catch {
      local = false;
    }
    return new DbCpu(client, local);
  }

  async snapshot(app: string): Promise<Snapshot> {
    const out: Snapshot = new Map();
    if (!this.local) return out;
    const { rows } = await this.client.query<{ pid: number }>('select pid from pg_stat_activity where application_name = $1', [app]);
    for (const { pid } of rows) {
      try {
        out.set(pid, cpuMs(pid));
      } catch {
        /* the backend ended meanwhile */
      }
    }
    return out;
  }

  /** Backends started during the run count in full; the few that end during it are missed. */
  static spent(before: Snapshot, after: Snapshot): number {
    let ms = 0;
    for (const [pid, now] of after) ms += now - (before.get(pid) ?? 0);
    return ms;
  }

  close(): Promise<void> {
    return this.client.end();
  }
}
