import { ANONYMOUS_PRINCIPAL, type Principal, type Purpose } from '../access/principal.js';
import { checkedPurpose } from '../auth/purpose-header.js';
import { ROLE_KIND, type UserRole } from '../access/role-kind.js';
import type { Sql } from '../db/sql.js';
import { statement } from '../db/statement.js';
import { isUuid } from '../graphql/cursor.js';
import { BadInputError } from '../graphql/errors.js';
import type { ExplainAsInput } from './explain.input.js';

interface ClientRow {
  kind: string;
  partnerId: string;
  scopes: string[];
  purpose: string;
  disabled: boolean;
}
interface AccountRow {
  role: UserRole;
  active: boolean;
}

const CLIENT = statement<ClientRow, [clientId: string]>(
  'explain_client',
  `select kind, partner_id as "partnerId", scopes, purpose,
    disabled_at is not null as disabled
  from api_clients where client_id = $1`,
);
const ACCOUNT = statement<AccountRow, [id: string]>('explain_account', `select role, status = 'ACTIVE' as active from users where id = $1`);

const given = (v: string | null | undefined): string | undefined => v ?? undefined;

// A partner or payment provider as its token would make it: a registered, enabled client of that kind, scopes among the client's.
async function clientPrincipal(sql: Sql, as: ExplainAsInput): Promise<Principal> {
  if (!as.clientId) throw new BadInputError('clientId names the API client to explain as', 'clientId');
  const [c] = await sql.rows(CLIENT, as.clientId);
  if (!c || c.kind !== as.kind || c.disabled) throw new BadInputError('No enabled API client of that kind has this clientId', 'clientId');
  const scopes = as.scopes ?? c.scopes;
  if (!scopes.every((s) => c.scopes.includes(s))) throw new BadInputError('The client does not hold every scope named', 'scopes');
  const { purpose, ref } = checkedPurpose(as.kind, c.purpose as Purpose, given(as.purpose), given(as.reference));
  return { kind: as.kind, id: as.clientId, partnerId: c.partnerId, scopes: Object.freeze([...scopes]), purpose, purposeRef: ref, tokenId: null, clientId: as.clientId };
}

// A traveller or staff member as their token would make them: the account is active and its role is that kind.
async function accountPrincipal(sql: Sql, as: ExplainAsInput): Promise<Principal> {
  if (!as.accountId) throw new BadInputError('accountId names the account to explain as', 'accountId');
  const [a] = isUuid(as.accountId) ? await sql.rows(ACCOUNT, as.accountId) : [];
  if (!a || !a.active || ROLE_KIND[a.role] !== as.kind) throw new BadInputError('No active account of that kind has this accountId', 'accountId');
  const { purpose, ref } = checkedPurpose(as.kind, null, given(as.purpose), given(as.reference));
  return { kind: as.kind, id: as.accountId, partnerId: null, scopes: Object.freeze([]), purpose, purposeRef: ref, tokenId: null, clientId: null };
}

/** The principal a real request of that caller would carry; refused as bad input when no such caller exists, as the real one would be. */
export async function explainedPrincipal(sql: Sql, as: ExplainAsInput): Promise<Principal> {
  const client = as.kind === 'PARTNER' || as.kind === 'PAYMENT_PROVIDER';
  if (!client && as.scopes?.length) throw new BadInputError('Only API clients carry scopes', 'scopes');
  if (!client && as.clientId) throw new BadInputError('clientId is for PARTNER and PAYMENT_PROVIDER', 'clientId');
  if (client && as.accountId) throw new BadInputError('accountId is for travellers and staff', 'accountId');
  if (as.kind === 'ANONYMOUS') {
    if (as.accountId) throw new BadInputError('An anonymous caller has no account', 'accountId');
    const { purpose, ref } = checkedPurpose('ANONYMOUS', null, given(as.purpose), given(as.reference));
    return Object.freeze({ ...ANONYMOUS_PRINCIPAL, purpose, purposeRef: ref });
  }
  return Object.freeze(await (client ? clientPrincipal(sql, as) : accountPrincipal(sql, as)));
}
