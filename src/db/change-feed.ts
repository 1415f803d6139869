import pg from 'pg';

const HEARTBEAT_MS = 5000;
const HEARTBEAT_TIMEOUT_MS = 2000;
const MAX_BACKOFF_MS = 5000;

/**
 * LISTENs on one channel over a connection of its own. `generation` moves on every notification and every loss or gain of the
 * connection; while `live` is false notifications may be missed, so nothing derived from the database may be kept.
 */
export class ChangeFeed {
  generation = 0;
  live = false;
  private client: pg.Client | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly url: string,
    private readonly channel: string,
    private readonly applicationName: string,
  ) {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error('a channel is a plain lower-case identifier');
  }

  start(): this {
    void this.connect(0);
    return this;
  }

  /** Called on every change; returns the function that stops calling it. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.generation++;
    for (const l of this.listeners) l();
  }

  private async connect(attempt: number): Promise<void> {
    if (this.closed) return;
    // A half-open connection would swallow notifications unnoticed: keepalive and a heartbeat with a deadline find it.
    const client = new pg.Client({ connectionString: this.url, application_name: this.applicationName, keepAlive: true, query_timeout: HEARTBEAT_TIMEOUT_MS });
    client.on('error', () => {});
    client.on('notification', (n) => {
      if (n.channel === this.channel) this.changed();
    });
    try {
      await client.connect();
      await client.query(`listen ${this.channel}`);
    } catch {
      await client.end().catch(() => {});
      this.retry(attempt + 1);
      return;
    }
    if (this.closed) {
      await client.end().catch(() => {});
      return;
    }
    client.on('end', () => this.lost(client));
    this.client = client;
    this.changed();
    this.live = true;
    this.heartbeat = setInterval(() => {
      client.query('select 1').catch(() => void client.end().catch(() => {}));
    }, HEARTBEAT_MS).unref();
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = null;
    this.live = false;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.changed();
    this.retry(0);
  }

  private retry(attempt: number): void {
    if (this.closed) return;
    setTimeout(() => void this.connect(attempt), Math.min(MAX_BACKOFF_MS, 100 * 2 ** attempt)).unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.live = false;
    if (this.heartbeat) clearInterval(this.heartbeat);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }
}
