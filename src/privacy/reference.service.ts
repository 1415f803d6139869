import type { Sql } from '../db/sql.js';
import { statement, type Statement } from '../db/statement.js';
import { isUuid } from '../db/uuid.js';
import type { Recipient } from './privacy.recipient.js';
import type { Edge, PiiKind, PrincipalKind } from './privacy.vocabulary.js';

export type ReferenceKind = 'SUPPORT_TICKET' | 'FRAUD_CASE' | 'AUTHORITY_REQUEST';

export interface ResolvedReference {
  kind: ReferenceKind;
  id: string;
  /** subject user id -> kinds named (authority requests) or null (all the policy allows) */
  subjects: ReadonlyMap<string, readonly PiiKind[] | null>;
}

/** The edge through which a reference's subjects are reached. */
export const REFERENCE_EDGE: Readonly<Record<ReferenceKind, Edge>> = Object.freeze({
  SUPPORT_TICKET: 'TICKET_SUBJECT',
  FRAUD_CASE: 'FRAUD_CASE_SUBJECT',
  AUTHORITY_REQUEST: 'AUTHORITY_SUBJECT',
});

interface Row {
  id: string;
  subjectId: string;
  kinds: PiiKind[] | null;
}

// One statement per purpose that takes a reference; each answers only for a record that is open (approved and unexpired)
// and assigned (addressed) to the calling account, and only to the one principal kind that may hold such a record.
const BY_PURPOSE: Partial<Record<string, { principal: PrincipalKind; kind: ReferenceKind; statement: Statement<Row, [reference: string, holderId: string]> }>> = {
  SUPPORT: {
    principal: 'SUPPORT',
    kind: 'SUPPORT_TICKET',
    statement: statement(
      'reference_ticket',
      `select id, user_id as "subjectId", null::text[] as kinds from support_tickets
      where reference = $1 and status = 'OPEN' and assigned_to_id = $2`,
    ),
  },
  FRAUD_PREVENTION: {
    principal: 'ADMIN',
    kind: 'FRAUD_CASE',
    statement: statement(
      'reference_fraud_case',
      `select c.id, s.subject_id as "subjectId", null::text[] as kinds from fraud_cases c
      join fraud_case_subjects s on s.case_id = c.id
      where c.reference = $1 and c.status = 'OPEN' and c.assigned_to_id = $2`,
    ),
  },
  LEGAL_OBLIGATION: {
    principal: 'AUTHORITY',
    kind: 'AUTHORITY_REQUEST',
    statement: statement(
      'reference_authority_request',
      `select id, subject_id as "subjectId", kinds from authority_requests
      where case_number = $1 and status = 'APPROVED' and expires_at > now() and addressed_to_id = $2`,
    ),
  },
};

/** The record behind the caller's declared reference, or null: a made-up, closed or someone else's reference gives what no reference gives. */
export async function resolveReference(sql: Sql, principal: Recipient): Promise<ResolvedReference | null> {
  const q = principal.purpose ? BY_PURPOSE[principal.purpose] : undefined;
  if (!q || q.principal !== principal.kind || principal.purposeRef === null || principal.id === null || !isUuid(principal.id)) return null;
  const rows = await sql.rows(q.statement, principal.purposeRef, principal.id);
  if (rows.length === 0) return null;
  return { kind: q.kind, id: rows[0].id, subjects: new Map(rows.map((r) => [r.subjectId, r.kinds])) };
}
