import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '../access/principal.js';
import type { JobTimer } from '../bookings/booking.jobs.js';
import type { Sql } from '../db/sql.js';
import { statement } from '../db/statement.js';
import type { Logger } from '../observability/logger.js';
import type { ReleaseHolds } from '../privacy/release-holds.js';
import { checkRecipients, type BreachSettings, type OpenedIncident } from './breach.jobs.js';
import { HOLD_ACTIVE } from './privacy-incident.service.js';
import type { ReleaseCounter } from './release-count.service.js';

const keyOf = (kind: string, id: string) => `${kind}\t${id}`;

const HELD = statement<{ kind: string; id: string }>(
  'breach_held_recipients',
  `select i.recipient_kind as kind, i.recipient_id as id from privacy_incidents i where ${HOLD_ACTIVE}`,
);

/** Where a gateway reports opened incidents (Prometheus). */
export interface IncidentCounter {
  incidentOpened(trigger: string): void;
}

/**
 * A gateway's part in breach detection: it flushes its release counts, runs the check (one instance at a time), and keeps the set
 * of held recipients in memory, refreshed from the register on an interval so that every instance holds the same recipients.
 */
export class BreachWatch implements ReleaseHolds {
  private held: ReadonlySet<string> = new Set();

  constructor(
    private readonly em: EntityManager,
    private readonly sql: Sql,
    private readonly counter: ReleaseCounter | null,
    private readonly settings: BreachSettings,
    private readonly logger: Logger,
    private readonly metrics: IncidentCounter,
    private readonly clock: () => Date,
  ) {}

  isHeld(p: Principal): boolean {
    return this.held.size > 0 && p.id !== null && this.held.has(keyOf(p.kind, p.id));
  }

  get heldCount(): number {
    return this.held.size;
  }

  async refresh(): Promise<void> {
    const rows = await this.sql.rows(HELD);
    this.held = new Set(rows.map((r) => keyOf(r.kind, r.id)));
  }

  /** This gateway's counts into the shared slots, then the check; null when another instance was checking. */
  async round(): Promise<OpenedIncident[] | null> {
    await this.counter?.flush(this.sql);
    const opened = await checkRecipients(this.em.fork(), this.settings, this.clock());
    for (const i of opened ?? []) {
      // Ids, counts and the deadline only: the log line names no person and no value.
      this.logger.warn(
        {
          incidentId: i.id,
          recipientKind: i.recipientKind,
          recipientId: i.recipientId,
          trigger: i.trigger,
          releasesLastHour: i.releasesLastHour,
          notifyBy: i.notifyBy.toISOString(),
          held: i.held,
        },
        'privacy incident opened',
      );
      this.metrics.incidentOpened(i.trigger);
    }
    if (opened?.length) await this.refresh();
    return opened;
  }

  /** Rounds every `checkSeconds` (0: none, and nothing is counted) and hold refreshes every `refreshSeconds`; a tick still running skips the next. */
  schedule(checkSeconds: number, refreshSeconds: number, onError: (e: unknown) => void): JobTimer {
    const timers: NodeJS.Timeout[] = [];
    const running = new Set<Promise<unknown>>();
    const every = (seconds: number, work: () => Promise<unknown>) => {
      let busy: Promise<unknown> | null = null;
      timers.push(
        setInterval(() => {
          if (busy) return;
          busy = work()
            .catch(onError)
            .finally(() => {
              running.delete(busy!);
              busy = null;
            });
          running.add(busy);
        }, seconds * 1000),
      );
    };
    if (checkSeconds > 0) every(checkSeconds, () => this.round());
    if (refreshSeconds > 0) every(refreshSeconds, () => this.refresh());
    return {
      async stop() {
        for (const t of timers) clearInterval(t);
        await Promise.all(running);
      },
    };
  }
}
