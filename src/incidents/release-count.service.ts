import type { Sql } from '../db/sql.js';
import { statement } from '../db/statement.js';
import type { Principal } from '../access/principal.js';

/** Width of a counting slot: the last hour is read as the slots that started within it. */
export const SLOT_MS = 600_000;

interface Count {
  kind: string;
  id: string;
  slot: string;
  n: number;
}

// Adds, so that the instances' counts for one recipient and slot sum up; one statement per flush, whatever the number of requests.
const FLUSH = statement<never, [counts: string]>(
  'release_slots_add',
  `insert into recipient_release_slots as s (recipient_kind, recipient_id, slot, releases)
  select kind, id, slot, n from jsonb_to_recordset($1::jsonb) as c(kind text, id text, slot timestamptz, n int)
  on conflict (recipient_kind, recipient_id, slot) do update set releases = s.releases + excluded.releases`,
);

/**
 * FULL disclosure rows this gateway committed, per recipient account and slot, counted in memory as the disclosure writer's batches
 * commit (no statement per request) and added to the shared slots by each breach round. A crash loses the counts since the last flush.
 */
export class ReleaseCounter {
  private counts = new Map<string, Count>();

  constructor(private readonly clock: () => Date) {}

  /** The disclosure writer's hook: `rows` rows for this recipient were committed. */
  add(recipient: Principal, rows: number): void {
    if (recipient.id === null) return;
    const slot = new Date(Math.floor(this.clock().getTime() / SLOT_MS) * SLOT_MS).toISOString();
    const key = JSON.stringify([recipient.kind, recipient.id, slot]);
    const c = this.counts.get(key);
    if (c) c.n += rows;
    else this.counts.set(key, { kind: recipient.kind, id: recipient.id, slot, n: rows });
  }

  /** Moves the counts into the database; rows committed meanwhile count towards the next flush, and a failed flush keeps its counts. */
  async flush(sql: Sql): Promise<void> {
    if (this.counts.size === 0) return;
    const taken = this.counts;
    this.counts = new Map();
    try {
      await sql.count(FLUSH, JSON.stringify([...taken.values()]));
    } catch (e) {
      for (const [key, c] of taken) {
        const now = this.counts.get(key);
        if (now) now.n += c.n;
        else this.counts.set(key, c);
      }
      throw e;
    }
  }
}
