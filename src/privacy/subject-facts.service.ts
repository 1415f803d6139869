import type { Sql } from '../db/sql.js';
import type { Principal } from '../auth/principal.js';

/** What decides a row: the subject's active consents and whether the caller is related to them. */
export interface SubjectFactsRow { id: string; related: boolean; consents: string[]; kinds: string[] | null }

const CONSENTS = `coalesce((select array_agg(c.purpose::text) from consents c where c.user_id = u.id and c.granted), '{}') as consents`;

// One statement per principal kind; each answers for a whole batch of subjects.
const RELATED: Record<string, { name: string; text: string }> = {
  PARTNER: {
    name: 'facts_partner',
    text: `select u.id, exists(select 1 from bookings b join tours t on t.id = b.tour_id
        where b.user_id = u.id and t.partner_id = $2::uuid and b.status <> 'CANCELLED'
          and now() >= b.created_at and now() < t.ends_on + interval '31 days') as related, ${CONSENTS}, null::text[] as kinds
      from unnest($1::uuid[]) as u(id)`,
  },
  PAYMENT_PROVIDER: {
    name: 'facts_payment_provider',
    text: `select u.id, exists(select 1 from payments p join bookings b on b.id = p.booking_id
        where b.user_id = u.id and p.provider_id = $2::uuid and p.status <> 'FAILED') as related, ${CONSENTS}, null::text[] as kinds
      from unnest($1::uuid[]) as u(id)`,
  },
  SUPPORT: {
    name: 'facts_support',
    text: `select u.id, exists(select 1 from support_tickets s where s.user_id = u.id and s.reference = $2 and s.status = 'OPEN') as related,
        ${CONSENTS}, null::text[] as kinds
      from unnest($1::uuid[]) as u(id)`,
  },
  AUTHORITY: {
    name: 'facts_authority',
    text: `select u.id, a.kinds is not null as related, ${CONSENTS}, a.kinds
      from unnest($1::uuid[]) as u(id)
      left join lateral (select r.kinds from authority_requests r where r.subject_id = u.id and r.case_number = $2
        and r.status = 'APPROVED' and r.expires_at > now() limit 1) a on true`,
  },
  DEFAULT: {
    name: 'facts_consents',
    text: `select u.id, false as related, ${CONSENTS}, null::text[] as kinds from unnest($1::uuid[]) as u(id)`,
  },
};

export function loadSubjectFacts(sql: Sql, principal: Principal, ids: readonly string[]): Promise<SubjectFactsRow[]> {
  const q = RELATED[principal.kind] ?? RELATED.DEFAULT;
  const key = principal.kind === 'SUPPORT' || principal.kind === 'AUTHORITY' ? principal.purposeRef : principal.partnerId;
  return sql.rows<SubjectFactsRow>(q.name, q.text, q === RELATED.DEFAULT ? [ids] : [ids, key]);
}
