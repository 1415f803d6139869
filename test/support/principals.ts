import { ANONYMOUS_PRINCIPAL, type Principal, type Purpose } from '../../src/access/principal.js';
import { explainedPrincipal } from '../../src/explain/explain-principal.service.js';
import type { ExplainAsInput } from '../../src/explain/explain.input.js';
import { DEMO_CLIENTS } from '../../seeds/partners.data.js';
import { DEMO_STAFF } from '../../seeds/staff.data.js';
import type { WithServices } from './in-process.js';

/** What X-Purpose and X-Purpose-Ref would declare. */
export interface Declared {
  purpose?: Purpose;
  reference?: string;
}

export { ANONYMOUS_PRINCIPAL as anonymous };

/**
 * The principal a real token of that caller (with those headers) would carry: the account active with that role, or the
 * client registered, enabled and holding the scopes; the purpose checked as the headers are. Refused when no such caller exists.
 */
export function principalOf(app: WithServices, as: ExplainAsInput): Promise<Principal> {
  return explainedPrincipal(app.services.sql, as);
}

export function traveller(app: WithServices, accountId: string, declared: Declared = {}): Promise<Principal> {
  return principalOf(app, { kind: 'USER', accountId, ...declared });
}

export function staff(app: WithServices, member: keyof typeof DEMO_STAFF, declared: Declared = {}): Promise<Principal> {
  return principalOf(app, { kind: DEMO_STAFF[member].role, accountId: DEMO_STAFF[member].id, ...declared });
}

/** A seeded partner's or payment provider's demo client; `scopes` among the client's (default all of them). */
export function client(app: WithServices, kind: 'PARTNER' | 'PAYMENT_PROVIDER', partnerId: string, opts: Declared & { scopes?: string[] } = {}): Promise<Principal> {
  const c = DEMO_CLIENTS.find((x) => x.partnerId === partnerId && x.kind === kind);
  if (!c) throw new Error(`no demo client for ${kind} ${partnerId}`);
  return principalOf(app, { kind, clientId: c.clientId, ...opts });
}
