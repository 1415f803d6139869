import type { Sql } from '../db/sql.js';
import { statement } from '../db/statement.js';
import { isUuid, timestampKeySql, type KeyCursor } from '../graphql/cursor.js';
import { BadInputError, NotFoundError } from '../graphql/errors.js';
import type { IncidentResolution } from './privacy-incident.entity.js';
import { IncidentRefusalReason, IncidentStatus, type IncidentOutcome, type PrivacyIncident } from './privacy-incident.type.js';
import { keysetAfter, utcTime } from '../db/keyset.js';

export interface IncidentRow extends Omit<PrivacyIncident, 'recipient'> {
  recipientKind: PrivacyIncident['recipient']['kind'];
  recipientId: string;
  partnerId: string | null;
  partnerName: string | null;
  openedKey: string;
}

// Held while the hold is neither cleared nor ended by closing: the one definition the register, the API and the refresh share.
export const HOLD_ACTIVE = 'i.held and i.hold_cleared_at is null and i.closed_at is null';

const COLUMNS = `i.id, i.recipient_kind as "recipientKind", i.recipient_id as "recipientId", p.id as "partnerId", p.name as "partnerName", i.trigger,
  i.releases_last_hour as "releasesLastHour", i.ceiling_per_hour as "ceilingPerHour", i.baseline_per_hour as "baselinePerHour",
  i.baseline_multiple as "baselineMultiple", i.opened_at as "openedAt", i.notify_by as "notifyBy", i.calendar_covered as "calendarCovered",
  (${HOLD_ACTIVE}) as "holdActive", i.hold_cleared_at as "holdClearedAt", i.notified_at as "notifiedAt",
  i.notification_reference as "notificationReference", i.closed_at as "closedAt", i.resolution, ${timestampKeySql('i.opened_at')} as "openedKey"
  from privacy_incidents i left join partners p on p.id::text = i.recipient_partner_id`;

// An authority's registration number: the shape of the references callers declare, nothing that could carry a value.
const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/;

export function toIncident({ recipientKind, recipientId, partnerId, partnerName, openedKey: _key, ...rest }: IncidentRow): PrivacyIncident {
  return { ...rest, recipient: { kind: recipientKind, id: recipientId, partner: partnerId && partnerName ? { id: partnerId, name: partnerName } : null } };
}

const PAGE = statement<IncidentRow, [status: IncidentStatus | null, afterKey: string | null, afterId: string | null, limit: number]>(
  'privacy_incidents_page',
  `select ${COLUMNS}
    where ($1::text is null or (i.closed_at is null) = ($1 = '${IncidentStatus.OPEN}'))
      and ${keysetAfter('desc', { key: 'i.opened_at', id: 'i.id' }, { key: utcTime('$2'), id: '$3' })}
    order by i.opened_at desc, i.id desc limit $4`,
);
const BY_ID = statement<IncidentRow, [id: string]>('privacy_incident_by_id', `select ${COLUMNS} where i.id = $1`);
const CLEAR_HOLD = statement<never, [id: string, adminId: string]>(
  'privacy_incident_clear_hold',
  `update privacy_incidents i
  set hold_cleared_at = now(), hold_cleared_by = $2 where i.id = $1 and ${HOLD_ACTIVE}`,
);
const NOTIFIED = statement<never, [id: string, staffId: string, notifiedAt: Date | null, reference: string]>(
  'privacy_incident_notified',
  `update privacy_incidents set notified_at = coalesce($3, now()), notified_by = $2, notification_reference = $4 where id = $1 and closed_at is null`,
);
const CLOSE = statement<never, [id: string, staffId: string, resolution: IncidentResolution]>(
  'privacy_incident_close',
  `update privacy_incidents i
  set closed_at = now(), closed_by = $2, resolution = $3
  where i.id = $1 and i.closed_at is null and not (${HOLD_ACTIVE}) and ($3 <> 'AUTHORITY_NOTIFIED' or i.notified_at is not null)`,
);

/** Newest first; `status` narrows to open or closed ones. */
export function listIncidents(sql: Sql, status: IncidentStatus | null, after: KeyCursor | null, limit: number): Promise<IncidentRow[]> {
  return sql.rows(PAGE, status, after?.key ?? null, after?.id ?? null, limit);
}

async function incident(sql: Sql, id: string): Promise<IncidentRow> {
  const [row] = isUuid(id) ? await sql.rows(BY_ID, id) : [];
  if (!row) throw new NotFoundError('Incident');
  return row;
}

// An update that matched nothing: the incident as it stands says why (`reasonOf`), or it does not exist.
async function outcome(sql: Sql, id: string, updated: boolean, reasonOf: (row: IncidentRow) => IncidentRefusalReason): Promise<IncidentOutcome> {
  const row = await incident(sql, id);
  return updated ? { incident: toIncident(row) } : { reason: reasonOf(row) };
}

/** Administrators: the recipient gets FULL values again; the incident stays open until notified and closed. */
export async function clearHold(sql: Sql, adminId: string, id: string): Promise<IncidentOutcome> {
  const done = isUuid(id) && (await sql.count(CLEAR_HOLD, id, adminId)) > 0;
  return outcome(sql, id, done, (i) => (i.closedAt ? IncidentRefusalReason.CLOSED : IncidentRefusalReason.NOT_HELD));
}

/** Records that the authority was told (now, or at `notifiedAt`, not before the incident opened); a later record corrects an earlier one. */
export async function recordNotification(sql: Sql, staffId: string, id: string, reference: string, notifiedAt: Date | null): Promise<IncidentOutcome> {
  if (!REFERENCE.test(reference)) throw new BadInputError("reference must be the authority's registration number (letters, digits, . _ / -)", 'reference');
  if (notifiedAt && notifiedAt.getTime() > Date.now()) throw new BadInputError('notifiedAt must not be in the future', 'notifiedAt');
  const open = await incident(sql, id);
  if (open.closedAt) return { reason: IncidentRefusalReason.CLOSED };
  if (notifiedAt && notifiedAt < open.openedAt) throw new BadInputError('notifiedAt must not precede the incident', 'notifiedAt');
  const done = (await sql.count(NOTIFIED, id, staffId, notifiedAt, reference)) > 0;
  return outcome(sql, id, done, () => IncidentRefusalReason.CLOSED);
}

/** Closes an incident whose hold is cleared; AUTHORITY_NOTIFIED only once the notification is recorded. */
export async function closeIncident(sql: Sql, staffId: string, id: string, resolution: IncidentResolution): Promise<IncidentOutcome> {
  const done = isUuid(id) && (await sql.count(CLOSE, id, staffId, resolution)) > 0;
  return outcome(sql, id, done, (i) => (i.closedAt ? IncidentRefusalReason.CLOSED : i.holdActive ? IncidentRefusalReason.HOLD_ACTIVE : IncidentRefusalReason.NOT_NOTIFIED));
}
