import type { Sql } from '../db/sql.js';
import { statement } from '../db/statement.js';
import type { KeyCursor } from '../graphql/cursor.js';
import type { SubjectMatch } from './subject-pseudonym.js';
import { keysetAfter, utcTime } from '../db/keyset.js';

export interface DisclosureRow {
  id: string;
  recipientKind: string;
  recipientId: string | null;
  partnerId: string | null;
  partnerName: string | null;
  kinds: string[];
  purpose: string;
  reference: string | null;
  at: Date;
  atKey: string;
  subjectId: string;
  withheld: boolean;
}

/** What only auditors see of a row: the individual recipient, the edge and the record behind the release. */
export interface AuditedDisclosureRow extends DisclosureRow {
  edge: string | null;
  referenceKind: string | null;
  referenceId: string | null;
  recipientCountry: string | null;
  requestId: string;
}

/** What the auditor's log can be narrowed to; the subject as a prepared pseudonym match (subject-pseudonym.ts). */
export interface DisclosureFilter {
  recipientKind: string | null;
  recipientId: string | null;
  purpose: string | null;
  from: Date | null;
  to: Date | null;
  subject: SubjectMatch | null;
  requestId: string | null;
}

// While an authority request is confidential its subject sees only that a state body received data under law, and on which day.
const CONFIDENTIAL_ON = `d.purpose = 'LEGAL_OBLIGATION' and ar.case_number = d.reference and ar.subject_id = d.subject_id
  and ar.confidential_until > now()`;
const CONFIDENTIAL = `left join authority_requests ar on ${CONFIDENTIAL_ON}`;
const CONFIDENTIAL_MATCH = `exists(select 1 from authority_requests ar where ${CONFIDENTIAL_ON})`;
const DAY_SHOWN = `date_trunc('day', d.at at time zone 'Asia/Almaty') at time zone 'Asia/Almaty'`;

/** The subject's own view of their disclosures (me.disclosures, the privacy report, the data export). */
export const SUBJECT_VIEW = {
  from: `disclosures d left join partners p on p.id::text = d.recipient_partner_id ${CONFIDENTIAL}`,
  kinds: `case when ar.id is null then d.kinds else '{}'::text[] end`,
  reference: 'case when ar.id is null then d.reference end',
  at: `case when ar.id is null then d.at else ${DAY_SHOWN} end`,
  withheld: 'ar.id is not null',
} as const;

// The key keeps Postgres's microseconds, which a JS Date would round away and so skip or repeat rows.
const atKey = (at: string) => `to_char((${at}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as "atKey"`;

// Pages by the time as shown, so a withheld row's cursor carries its day and never the exact moment. Rows shown as written come
// off the (subject_id, at) index newest first, one page at most, however long the log; confidential ones (few) are added and the
// page cut after both.
const before = (at: string, id: string) => keysetAfter('desc', { key: at, id }, { key: utcTime('$2'), id: '$3' });
const OF_SUBJECT = statement<DisclosureRow, [subjectId: string, afterKey: string | null, afterId: string | null, limit: number]>(
  'disclosures_of_subject',
  `with shown as (
      (select d.id, d.recipient_kind, d.recipient_partner_id, d.kinds, d.purpose, d.reference, d.at, false as withheld from disclosures d
        where d.subject_id = $1 and ${before('d.at', 'd.id')} and not ${CONFIDENTIAL_MATCH}
        order by d.at desc, d.id desc limit $4)
      union all
      (select d.id, d.recipient_kind, d.recipient_partner_id, '{}'::text[], d.purpose, null, ${DAY_SHOWN}, true from disclosures d
        where d.subject_id = $1 and d.purpose = 'LEGAL_OBLIGATION' and ${CONFIDENTIAL_MATCH}))
    select s.id, s.recipient_kind as "recipientKind", null as "recipientId", p.id as "partnerId", p.name as "partnerName", s.kinds, s.purpose,
      s.reference, s.at, ${atKey('s.at')}, $1::uuid as "subjectId", s.withheld
    from shown s left join partners p on p.id::text = s.recipient_partner_id
    where ${before('s.at', 's.id')}
    order by s.at desc, s.id desc limit $4`,
);

export function subjectDisclosures(sql: Sql, subjectId: string, after: KeyCursor | null, limit: number): Promise<DisclosureRow[]> {
  return sql.rows(OF_SUBJECT, subjectId, after?.key ?? null, after?.id ?? null, limit);
}

// The pseudonym is recomputed over accounts (users), never over log rows: one account matches, and the (subject, at) index does the rest
// (qaz_bench, 10,007 users, 927,808 rows: 53 ms, against 2.1 s recomputing it per row). Its own statement, so plans never mix the two.
const BY_SUBJECT = `d.subject_id = (select u.id from users u
  where sha256($12::bytea || sha256($11::bytea || convert_to(u.id::text, 'UTF8'))) = $10::bytea)`;

const auditedLog = (bySubject: string) => `select d.id, d.recipient_kind as "recipientKind", d.recipient_id as "recipientId",
      p.id as "partnerId", p.name as "partnerName", d.kinds, d.purpose, d.reference, d.at, ${atKey('d.at')}, d.subject_id as "subjectId", false as withheld,
      d.edge, d.reference_kind as "referenceKind", d.reference_id as "referenceId", d.recipient_country as "recipientCountry", d.request_id as "requestId"
    from disclosures d left join partners p on p.id::text = d.recipient_partner_id
    where ${keysetAfter('desc', { key: 'd.at', id: 'd.id' }, { key: utcTime('$1'), id: '$2' })}
      and ($4::text is null or d.recipient_kind = $4) and ($5::text is null or d.recipient_id = $5) and ($6::text is null or d.purpose = $6)
      and ($7::timestamptz is null or d.at >= $7) and ($8::timestamptz is null or d.at < $8) and ($9::text is null or d.request_id = $9)
      ${bySubject}
    order by d.at desc, d.id desc limit $3`;
type LogParams = [
  afterKey: string | null,
  afterId: string | null,
  limit: number,
  recipientKind: string | null,
  recipientId: string | null,
  purpose: string | null,
  from: Date | null,
  to: Date | null,
  requestId: string | null,
];
const ALL = statement<AuditedDisclosureRow, LogParams>('disclosures_all', auditedLog(''));
const OF_PSEUDONYM = statement<AuditedDisclosureRow, [...LogParams, digest: Buffer, inner: Buffer, outer: Buffer]>('disclosures_of_pseudonym', auditedLog(`and ${BY_SUBJECT}`));

/** The auditor's log: everything, narrowed by the filter. */
export function allDisclosures(sql: Sql, f: DisclosureFilter, after: KeyCursor | null, limit: number): Promise<AuditedDisclosureRow[]> {
  const s = f.subject;
  const params: LogParams = [after?.key ?? null, after?.id ?? null, limit, f.recipientKind, f.recipientId, f.purpose, f.from, f.to, f.requestId];
  return s ? sql.rows(OF_PSEUDONYM, ...params, s.digest, s.inner, s.outer) : sql.rows(ALL, ...params);
}
