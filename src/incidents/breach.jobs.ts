import type { EntityManager } from '@mikro-orm/postgresql';
import { withAdvisoryLock } from '../db/advisory-lock.js';
import { transactionStatements } from '../db/sql.js';
import { statement } from '../db/statement.js';
import { breachTrigger, type BreachThresholds, type BreachTrigger } from './breach.policy.js';
import { KZ_HOLIDAYS } from './kz-holidays.data.js';
import { notificationDeadline } from './notification-deadline.policy.js';

/** The advisory lock key of the breach check (unique among the gateway's advisory locks). */
export const BREACH_CHECK_LOCK = 18_002;

export interface BreachSettings extends BreachThresholds {
  /** Days of history the baseline is taken from; slots older than that are deleted. */
  readonly baselineDays: number;
  /** A new incident holds the recipient's FULL releases until an administrator clears it. */
  readonly hold: boolean;
}

export interface OpenedIncident {
  id: string;
  recipientKind: string;
  recipientId: string;
  trigger: BreachTrigger;
  releasesLastHour: number;
  notifyBy: Date;
  held: boolean;
}

interface Candidate {
  recipientKind: string;
  recipientId: string;
  lastHour: number;
  baselinePerHour: number | null;
}

// Per recipient with releases in the hour up to `at`: that count, and its mean per active hour over the baseline days before that hour.
// A recipient with an open incident, or one closed within the hour, is left alone until its count has moved on.
const CANDIDATES = statement<Candidate, [at: Date, baselineDays: number]>(
  'breach_candidates',
  `with clock as (select $1::timestamptz as at),
  recent as (
    select recipient_kind, recipient_id, sum(releases)::int as last_hour from recipient_release_slots, clock
    where slot > at - interval '1 hour' and slot <= at group by 1, 2),
  base as (
    select s.recipient_kind, s.recipient_id, sum(s.releases)::float8 / count(distinct date_trunc('hour', s.slot)) as per_hour
    from recipient_release_slots s join recent r using (recipient_kind, recipient_id), clock
    where s.slot > at - make_interval(days => $2) and s.slot <= at - interval '1 hour' group by 1, 2)
  select r.recipient_kind as "recipientKind", r.recipient_id as "recipientId", r.last_hour as "lastHour", b.per_hour as "baselinePerHour"
  from recent r left join base b using (recipient_kind, recipient_id)
  where not exists (select 1 from privacy_incidents i, clock where i.recipient_kind = r.recipient_kind and i.recipient_id = r.recipient_id
    and (i.closed_at is null or i.closed_at > at - interval '1 hour'))`,
);

// The partner an API client acts for is read here, once, so the register names the company.
const OPEN = statement<
  { id: string },
  [
    recipientKind: string,
    recipientId: string,
    trigger: BreachTrigger,
    releasesLastHour: number,
    ceilingPerHour: number,
    baselinePerHour: number | null,
    baselineMultiple: number,
    at: Date,
    notifyBy: Date,
    calendarCovered: boolean,
    held: boolean,
  ]
>(
  'breach_incident_open',
  `insert into privacy_incidents (id, recipient_kind, recipient_id, recipient_partner_id, trigger, releases_last_hour, ceiling_per_hour,
    baseline_per_hour, baseline_multiple, opened_at, notify_by, calendar_covered, held)
  values (gen_random_uuid(), $1, $2, (select c.partner_id::text from api_clients c where c.client_id = $2 and $1 in ('PARTNER', 'PAYMENT_PROVIDER')),
    $3, $4, $5, $6, $7, $8, $9, $10, $11)
  on conflict do nothing returning id`,
);

const PRUNE = statement<never, [at: Date, baselineDays: number]>(
  'breach_slots_prune',
  'delete from recipient_release_slots where slot <= $1::timestamptz - make_interval(days => $2)',
);

/**
 * One check of every recipient's hour up to `at` (now, but for tests) against the thresholds, in one instance at a time; null when
 * another instance runs it.
 */
export function checkRecipients(em: EntityManager, s: BreachSettings, at: Date): Promise<OpenedIncident[] | null> {
  return withAdvisoryLock(em, BREACH_CHECK_LOCK, async (tem) => {
    const tx = transactionStatements(tem);
    const opened: OpenedIncident[] = [];
    const { notifyBy, calendarCovered } = notificationDeadline(at, KZ_HOLIDAYS);
    for (const c of await tx.rows(CANDIDATES, at, s.baselineDays)) {
      const trigger = breachTrigger(c.lastHour, c.baselinePerHour, s);
      if (!trigger) continue;
      const [row] = await tx.rows(
        OPEN,
        c.recipientKind,
        c.recipientId,
        trigger,
        c.lastHour,
        s.ceilingPerHour,
        c.baselinePerHour,
        s.baselineMultiple,
        at,
        notifyBy,
        calendarCovered,
        s.hold,
      );
      if (row) opened.push({ id: row.id, recipientKind: c.recipientKind, recipientId: c.recipientId, trigger, releasesLastHour: c.lastHour, notifyBy, held: s.hold });
    }
    await tx.count(PRUNE, at, s.baselineDays);
    return opened;
  });
}
