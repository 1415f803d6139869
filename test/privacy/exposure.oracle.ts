import type { WithServices } from '../support/in-process.js';
import type { PrincipalKind, Purpose } from '../../src/access/principal.js';
import type { Edge, PiiKind, Relation } from '../../src/privacy/privacy.vocabulary.js';

export interface Caller {
  kind: Exclude<PrincipalKind, 'ANONYMOUS'> | 'ANONYMOUS';
  sub?: string;
  partnerId?: string;
  scope?: string[];
  purpose?: Purpose;
  ref?: string;
}

/** A person as one response reached them: the edge, the record it came through, and whose data it is. */
export interface Reach {
  edge: Edge;
  anchor: string | null;
  subject: string;
}

// The records behind a declared reference that name the subject, counted only when open and assigned or addressed to the caller.
const references = (subject: string, ref: string, caller: string) => `(select id::text from support_tickets where user_id = ${subject} and reference = ${ref}
        and status = 'OPEN' and assigned_to_id::text = ${caller}) as ticket,
      (select id::text from authority_requests where subject_id = ${subject} and case_number = ${ref} and status = 'APPROVED' and expires_at > now()
        and addressed_to_id::text = ${caller} limit 1) as request,
      (select c.id::text from fraud_cases c join fraud_case_subjects s on s.case_id = c.id where s.subject_id = ${subject} and c.reference = ${ref}
        and c.status = 'OPEN' and c.assigned_to_id::text = ${caller}) as fraud`;

export interface OracleFacts {
  relation: Relation;
  consents: Set<string>;
  requested: PiiKind[] | undefined;
  recipientCountry: string | null;
  referenceId: string | null;
}

/** The test's own account of a caller's standing towards a person through one edge, computed in SQL apart from the gateway's code. */
export async function oracleFacts(gw: WithServices, caller: Caller, reach: Reach): Promise<OracleFacts> {
  const [row] = await gw.services.sql.rows<{
    consents: string[];
    country: string | null;
    partner: boolean;
    payer: boolean;
    ticket: string | null;
    request: string | null;
    fraud: string | null;
    kinds: string[] | null;
  }>(
    't_oracle',
    `select
      coalesce((select array_agg(purpose) from consents where user_id = $1 and granted), '{}') as consents,
      (select country from partners where id::text = $2) as country,
      exists(select 1 from bookings b join tours t on t.id = b.tour_id where b.id::text = $4 and b.user_id = $1 and t.partner_id::text = $2
        and b.status in ('PENDING_PAYMENT', 'PAID', 'COMPLETED') and now() >= b.created_at and now() < b.access_until) as partner,
      exists(select 1 from payments p join bookings b on b.id = p.booking_id where p.id::text = $4 and b.user_id = $1 and p.provider_id::text = $2
        and (p.status = 'PENDING' or now() < p.settled_at + interval '30 days')) as payer,
      ${references('$1', '$3', '$5')},
      (select kinds from authority_requests where subject_id = $1 and case_number = $3 and status = 'APPROVED' and expires_at > now() and addressed_to_id::text = $5) as kinds`,
    [reach.subject, caller.partnerId ?? '', caller.ref ?? '', reach.anchor ?? '', caller.sub ?? ''],
  );
  const base = { consents: new Set(row.consents), requested: undefined, recipientCountry: null, referenceId: null };
  if (caller.kind === 'USER' && caller.sub === reach.subject) return { ...base, relation: 'SELF' };
  if (reach.edge === 'BOOKING_TRAVELLER' && caller.kind === 'PARTNER' && row.partner)
    return { ...base, relation: 'PARTNER_TRAVELLER', recipientCountry: row.country, referenceId: reach.anchor };
  if (reach.edge === 'PAYMENT_PAYER' && caller.kind === 'PAYMENT_PROVIDER' && row.payer)
    return { ...base, relation: 'PAYMENT_PAYER', recipientCountry: row.country, referenceId: reach.anchor };
  const purpose = caller.purpose ?? (caller.kind === 'SUPPORT' ? 'SUPPORT' : caller.kind === 'AUTHORITY' ? 'LEGAL_OBLIGATION' : undefined);
  if (reach.edge === 'TICKET_SUBJECT' && caller.kind === 'SUPPORT' && purpose === 'SUPPORT' && row.ticket === reach.anchor)
    return { ...base, relation: 'TICKET_SUBJECT', referenceId: reach.anchor };
  if (reach.edge === 'FRAUD_CASE_SUBJECT' && caller.kind === 'ADMIN' && purpose === 'FRAUD_PREVENTION' && row.fraud === reach.anchor)
    return { ...base, relation: 'FRAUD_CASE_SUBJECT', referenceId: reach.anchor };
  if (reach.edge === 'AUTHORITY_SUBJECT' && caller.kind === 'AUTHORITY' && purpose === 'LEGAL_OBLIGATION' && row.request === reach.anchor) {
    return { ...base, relation: 'AUTHORITY_SUBJECT', requested: (row.kinds as PiiKind[]) ?? undefined, referenceId: reach.anchor };
  }
  return { ...base, relation: 'NONE' };
}

/** How `person(id)` reaches the subject: through the caller's declared reference when that record names them, else as a staff lookup. */
export async function lookupReach(gw: WithServices, caller: Caller, subject: string): Promise<Reach> {
  const purpose = caller.purpose ?? (caller.kind === 'SUPPORT' ? 'SUPPORT' : caller.kind === 'AUTHORITY' ? 'LEGAL_OBLIGATION' : undefined);
  const [row] = await gw.services.sql.rows<{ ticket: string | null; request: string | null; fraud: string | null }>(
    't_oracle_lookup',
    `select ${references('$1::uuid', '$2', '$3')}`,
    [subject, caller.ref ?? '', caller.sub ?? ''],
  );
  if (caller.ref && caller.kind === 'SUPPORT' && purpose === 'SUPPORT' && row.ticket) return { edge: 'TICKET_SUBJECT', anchor: row.ticket, subject };
  if (caller.ref && caller.kind === 'ADMIN' && purpose === 'FRAUD_PREVENTION' && row.fraud) return { edge: 'FRAUD_CASE_SUBJECT', anchor: row.fraud, subject };
  if (caller.ref && caller.kind === 'AUTHORITY' && purpose === 'LEGAL_OBLIGATION' && row.request) return { edge: 'AUTHORITY_SUBJECT', anchor: row.request, subject };
  return { edge: 'STAFF_LOOKUP', anchor: null, subject };
}
