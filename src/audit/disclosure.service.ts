import type { Sql } from '../db/sql.js';
import type { Principal } from '../auth/principal.js';
import type { PiiKind } from '../privacy/privacy.types.js';

/** Writes one row per subject whose FULL values this request is about to send; all or nothing. */
export async function recordDisclosures(sql: Sql, principal: Principal, requestId: string, disclosed: ReadonlyMap<string, ReadonlySet<PiiKind>>): Promise<void> {
  if (disclosed.size === 0) return;
  const entries = [...disclosed].map(([subject, kinds]) => ({ subject, kinds: [...kinds].sort() }));
  await sql.rows('disclosures_insert', `insert into disclosures (id, recipient_kind, recipient_id, recipient_partner_id, subject_id, kinds, purpose, reference, request_id)
    select gen_random_uuid(), $1, $2, $3, x.subject, x.kinds, $4, $5, $6 from jsonb_to_recordset($7::jsonb) as x(subject uuid, kinds text[])`,
  [principal.kind, principal.id, principal.partnerId, principal.purpose ?? 'NONE', principal.purposeRef, requestId, JSON.stringify(entries)]);
}
