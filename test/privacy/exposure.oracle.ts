import type { RunningGateway } from '../../src/gateway.js';
import type { PrincipalKind, Purpose } from '../../src/auth/principal.js';
import type { PiiKind, Relation } from '../../src/privacy/privacy.types.js';

export interface Caller { kind: Exclude<PrincipalKind, 'ANONYMOUS'> | 'ANONYMOUS'; sub?: string; partnerId?: string; scope?: string[]; purpose?: Purpose; ref?: string }

/** The test's own account of a subject's standing towards a caller, computed in SQL apart from the gateway's code. */
export async function oracleFacts(gw: RunningGateway, caller: Caller, subject: string): Promise<{ relation: Relation; consents: Set<string>; requested: PiiKind[] | undefined }> {
  const [row] = await gw.services.sql.rows<{ consents: string[]; partner: boolean; payer: boolean; ticket: boolean; kinds: string[] | null }>('t_oracle', `select
      coalesce((select array_agg(purpose) from consents where user_id = $1 and granted), '{}') as consents,
      exists(select 1 from bookings b join tours t on t.id = b.tour_id where b.user_id = $1 and t.partner_id::text = $2
        and b.status <> 'CANCELLED' and now() >= b.created_at and now() < t.ends_on + interval '31 days') as partner,
      exists(select 1 from payments p join bookings b on b.id = p.booking_id where b.user_id = $1 and p.provider_id::text = $2 and p.status <> 'FAILED') as payer,
      exists(select 1 from support_tickets where user_id = $1 and reference = $3 and status = 'OPEN') as ticket,
      (select kinds from authority_requests where subject_id = $1 and case_number = $3 and status = 'APPROVED' and expires_at > now() limit 1) as kinds`,
  [subject, caller.partnerId ?? '', caller.ref ?? '']);
  const relation: Relation = caller.kind === 'USER' && caller.sub === subject ? 'SELF'
    : caller.kind === 'PARTNER' && row.partner ? 'PARTNER_TRAVELER'
      : caller.kind === 'PAYMENT_PROVIDER' && row.payer ? 'PAYMENT_PAYER'
        : caller.kind === 'SUPPORT' && row.ticket ? 'TICKET_SUBJECT'
          : caller.kind === 'AUTHORITY' && row.kinds ? 'AUTHORITY_SUBJECT' : 'OTHER';
  return { relation, consents: new Set(row.consents), requested: (row.kinds as PiiKind[] | null) ?? undefined };
}
