import { ROLE_KIND, type UserRole } from '../access/role-kind.js';
import type { Sql } from '../db/sql.js';
import { statement } from '../db/statement.js';
import type { DevClient, DevPrincipals } from './playground-wire.type.js';

// Development data only: the first active account per role is the one mintDevToken picks, so its references are the ones that work.
const HOLDERS = `select distinct on (role) id, role from users where status = 'ACTIVE' order by role, created_at, id`;

const OPEN_REFERENCES = `select 'SUPPORT' as purpose, reference, assigned_to_id as holder from support_tickets where status = 'OPEN'
  union all select 'FRAUD_PREVENTION', reference, assigned_to_id from fraud_cases where status = 'OPEN'
  union all select 'LEGAL_OBLIGATION', case_number, addressed_to_id from authority_requests where status = 'APPROVED' and expires_at > now()`;

const CLIENTS = statement<DevClient>(
  'playground_clients',
  `select c.client_id as "clientId", c.kind, c.partner_id as "partnerId", p.name as "partnerName",
    p.country, c.scopes from api_clients c join partners p on p.id = c.partner_id where c.disabled_at is null order by c.kind, p.name, c.client_id`,
);
const FIRST_HOLDERS = statement<{ id: string; role: string }>('playground_holders', HOLDERS);
const REFERENCES = statement<{ role: string; purpose: string; reference: string }>(
  'playground_references',
  `select h.role, r.purpose, r.reference
    from (${HOLDERS}) h join (${OPEN_REFERENCES}) r on r.holder = h.id order by h.role, r.purpose, r.reference limit 60`,
);

const kindOfRole = (role: string): string => ROLE_KIND[role as UserRole];

export async function devPrincipals(sql: Sql): Promise<DevPrincipals> {
  const [clients, holders, refs] = await Promise.all([sql.rows(CLIENTS), sql.rows(FIRST_HOLDERS), sql.rows(REFERENCES)]);
  const staff = holders.filter((h) => h.role !== 'TRAVELER');
  return {
    clients,
    staffKinds: staff.map((h) => kindOfRole(h.role)),
    staffAccounts: Object.fromEntries(staff.map((h) => [kindOfRole(h.role), h.id])),
    references: refs.map((r) => ({ kind: kindOfRole(r.role), purpose: r.purpose, reference: r.reference })),
    traveller: holders.find((h) => h.role === 'TRAVELER')?.id ?? null,
  };
}
