import type { Sql } from '../db/sql.js';
import type { Principal } from '../auth/principal.js';
import type { PiiKind } from '../privacy/privacy.types.js';
import type { KeyCursor } from '../graphql/cursor.js';

/** Writes one row per subject whose FULL values this request is about to send; all or nothing. */
export async function recordDisclosures(sql: Sql, principal: Principal, requestId: string, disclosed: ReadonlyMap<string, ReadonlySet<PiiKind>>): Promise<void> {
  if (disclosed.size === 0) return;
  const entries = [...disclosed].map(([subject, kinds]) => ({ subject, kinds: [...kinds].sort() }));
  await sql.rows('disclosures_insert', `insert into disclosures (id, recipient_kind, recipient_id, recipient_partner_id, subject_id, kinds, purpose, reference, request_id)
    select gen_random_uuid(), $1, $2, $3, x.subject, x.kinds, $4, $5, $6 from jsonb_to_recordset($7::jsonb) as x(subject uuid, kinds text[])`,
  [principal.kind, principal.id, principal.partnerId, principal.purpose ?? 'NONE', principal.purposeRef, requestId, JSON.stringify(entries)]);
}

export interface DisclosureRow {
  id: string; recipientKind: string; partnerId: string | null; partnerName: string | null;
  kinds: string[]; purpose: string; reference: string | null; at: Date; atKey: string; subjectId: string;
}

// The key keeps Postgres's microseconds, which a JS Date would round away and so skip or repeat rows.
const COLUMNS = `d.id, d.recipient_kind as "recipientKind", p.id as "partnerId", p.name as "partnerName", d.kinds, d.purpose,
  d.reference, d.at, to_char(d.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as "atKey", d.subject_id as "subjectId"
  from disclosures d left join partners p on p.id::text = d.recipient_partner_id`;

export function subjectDisclosures(sql: Sql, subjectId: string, after: KeyCursor | null, limit: number): Promise<DisclosureRow[]> {
  return sql.rows('disclosures_of_subject', `select ${COLUMNS} where d.subject_id = $1
      and ($2::timestamp is null or (d.at, d.id) < ($2::timestamp at time zone 'UTC', $3::uuid))
    order by d.at desc, d.id desc limit $4`, [subjectId, after?.key ?? null, after?.id ?? null, limit]);
}

export function allDisclosures(sql: Sql, after: KeyCursor | null, limit: number): Promise<DisclosureRow[]> {
  return sql.rows('disclosures_all', `select ${COLUMNS}
    where ($1::timestamp is null or (d.at, d.id) < ($1::timestamp at time zone 'UTC', $2::uuid))
    order by d.at desc, d.id desc limit $3`, [after?.key ?? null, after?.id ?? null, limit]);
}
