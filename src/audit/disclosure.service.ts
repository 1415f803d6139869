import type { Sql } from '../db/sql.js';
import type { Principal } from '../auth/principal.js';
import type { DisclosureEntry } from '../privacy/privacy.session.js';
import type { KeyCursor } from '../graphql/cursor.js';
import type { SubjectMatch } from './subject-pseudonym.js';
import type { RequestIds } from '../http/request-id.js';

/** Writes one row per subject, edge and record whose FULL values this request is about to send; all or nothing. */
export async function recordDisclosures(sql: Sql, principal: Principal, requestIds: RequestIds, disclosed: ReadonlyMap<string, DisclosureEntry>): Promise<void> {
  if (disclosed.size === 0) return;
  const entries = [...disclosed.values()];
  await sql.rows('disclosures_insert', `insert into disclosures (id, recipient_kind, recipient_id, recipient_partner_id, purpose, reference, request_id,
      caller_request_id, subject_id, edge, reference_kind, reference_id, recipient_country, kinds)
    select gen_random_uuid(), $1, $2, $3, $4, $5, $6, $13, x.subject, x.edge, x.reference_kind, x.reference_id, x.country, string_to_array(x.kinds, ',')
    from unnest($7::uuid[], $8::text[], $9::text[], $10::uuid[], $11::text[], $12::text[]) as x(subject, edge, reference_kind, reference_id, country, kinds)`,
  [principal.kind, principal.id, principal.partnerId, principal.purpose ?? 'NONE', principal.purposeRef, requestIds.id,
    entries.map((e) => e.subjectId), entries.map((e) => e.edge), entries.map((e) => e.referenceKind), entries.map((e) => e.referenceId),
    entries.map((e) => e.recipientCountry), entries.map((e) => [...e.kinds].sort().join(',')), requestIds.callerId]);
}

export interface DisclosureRow {
  id: string; recipientKind: string; recipientId: string | null; partnerId: string | null; partnerName: string | null;
  kinds: string[]; purpose: string; reference: string | null; at: Date; atKey: string; subjectId: string; withheld: boolean;
}

/** What only auditors see of a row: the individual recipient, the edge and the record behind the release. */
export interface AuditedDisclosureRow extends DisclosureRow { edge: string | null; referenceKind: string | null; referenceId: string | null; recipientCountry: string | null }

/** What the auditor's log can be narrowed to; the subject as a prepared pseudonym match (subject-pseudonym.ts). */
export interface DisclosureFilter {
  recipientKind: string | null; recipientId: string | null; purpose: string | null; from: Date | null; to: Date | null; subject: SubjectMatch | null;
}

// While an authority request is confidential its subject sees only that a state body received data under law, and on which day.
const CONFIDENTIAL = `left join authority_requests ar on d.purpose = 'LEGAL_OBLIGATION' and ar.case_number = d.reference
  and ar.subject_id = d.subject_id and ar.confidential_until > now()`;

/** The subject's own view of their disclosures (me.disclosures, the privacy report, the data export). */
export const SUBJECT_VIEW = {
  from: `disclosures d left join partners p on p.id::text = d.recipient_partner_id ${CONFIDENTIAL}`,
  kinds: `case when ar.id is null then d.kinds else '{}'::text[] end`,
  reference: 'case when ar.id is null then d.reference end',
  at: `case when ar.id is null then d.at else date_trunc('day', d.at at time zone 'Asia/Almaty') at time zone 'Asia/Almaty' end`,
  withheld: 'ar.id is not null',
} as const;

// The key keeps Postgres's microseconds, which a JS Date would round away and so skip or repeat rows.
const atKey = (at: string) => `to_char((${at}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as "atKey"`;

// Pages by the time as shown, so a withheld row's cursor carries its day and never the exact moment.
export function subjectDisclosures(sql: Sql, subjectId: string, after: KeyCursor | null, limit: number): Promise<DisclosureRow[]> {
  const v = SUBJECT_VIEW;
  return sql.rows('disclosures_of_subject', `select * from (select d.id, d.recipient_kind as "recipientKind", null as "recipientId", p.id as "partnerId",
      p.name as "partnerName", ${v.kinds} as kinds, d.purpose, ${v.reference} as reference, ${v.at} as at, ${atKey(v.at)}, d.subject_id as "subjectId",
      ${v.withheld} as withheld from ${v.from} where d.subject_id = $1) s
    where ($2::timestamp is null or (s.at, s.id) < ($2::timestamp at time zone 'UTC', $3::uuid))
    order by s.at desc, s.id desc limit $4`, [subjectId, after?.key ?? null, after?.id ?? null, limit]);
}

// The pseudonym is recomputed over accounts (users), never over log rows: one account matches, and the (subject, at) index does the rest
// (qaz_bench, 10,007 users, 927,808 rows: 53 ms, against 2.1 s recomputing it per row). Its own statement, so plans never mix the two.
const BY_SUBJECT = `d.subject_id = (select u.id from users u
  where sha256($11::bytea || sha256($10::bytea || convert_to(u.id::text, 'UTF8'))) = $9::bytea)`;

/** The auditor's log: everything, narrowed by the filter. */
export function allDisclosures(sql: Sql, f: DisclosureFilter, after: KeyCursor | null, limit: number): Promise<AuditedDisclosureRow[]> {
  const s = f.subject;
  return sql.rows(s ? 'disclosures_of_pseudonym' : 'disclosures_all', `select d.id, d.recipient_kind as "recipientKind", d.recipient_id as "recipientId",
      p.id as "partnerId", p.name as "partnerName", d.kinds, d.purpose, d.reference, d.at, ${atKey('d.at')}, d.subject_id as "subjectId", false as withheld,
      d.edge, d.reference_kind as "referenceKind", d.reference_id as "referenceId", d.recipient_country as "recipientCountry"
    from disclosures d left join partners p on p.id::text = d.recipient_partner_id
    where ($1::timestamp is null or (d.at, d.id) < ($1::timestamp at time zone 'UTC', $2::uuid))
      and ($4::text is null or d.recipient_kind = $4) and ($5::text is null or d.recipient_id = $5) and ($6::text is null or d.purpose = $6)
      and ($7::timestamptz is null or d.at >= $7) and ($8::timestamptz is null or d.at < $8) ${s ? `and ${BY_SUBJECT}` : ''}
    order by d.at desc, d.id desc limit $3`,
  [after?.key ?? null, after?.id ?? null, limit, f.recipientKind, f.recipientId, f.purpose, f.from, f.to, ...(s ? [s.digest, s.inner, s.outer] : [])]);
}
