import { rule, type IRule } from 'graphql-shield';
import { ForbiddenError, UnauthenticatedError } from './access.errors.js';
import type { Scope } from './client.scopes.js';
import { isStaffKind, type Principal } from './principal.js';

type Check = (p: Principal) => true | Error;

const signedIn = (p: Principal): Error | null => (p.kind === 'ANONYMOUS' ? new UnauthenticatedError() : null);

// These read nothing but the request's principal, so one answer per request ('contextual') is exact.
function principalRule(name: string, check: Check): IRule {
  return rule(name, { cache: 'contextual' })((_parent, _args, ctx: { principal: Principal }) => check(ctx.principal));
}

const adminCheck: Check = (p) => signedIn(p) ?? (p.kind === 'ADMIN' || new ForbiddenError('Administrators only', 'NOT_ADMIN'));

/** Public operations, such as signing in. */
export const allowAll = principalRule('allowAll', () => true);
export const isAuthenticated = principalRule('isAuthenticated', (p) => signedIn(p) ?? true);
export const isUser = principalRule('isUser', (p) => signedIn(p) ?? (p.kind === 'USER' || new ForbiddenError('Travellers only', 'NOT_A_USER')));
export const isAdmin = principalRule('isAdmin', adminCheck);
export const isStaff = principalRule('isStaff', (p) => signedIn(p) ?? (isStaffKind(p.kind) || new ForbiddenError('Staff only', 'NOT_STAFF')));
export const isAuditing = principalRule(
  'isAuditing',
  (p) => signedIn(p) ?? ((p.kind === 'AUDITOR' && p.purpose === 'AUDIT') || new ForbiddenError('Auditors only, for the purpose AUDIT', 'NOT_AUDITOR')),
);
/** Administrators, and auditors working for the purpose AUDIT: the incidents register and explain mode. */
export const isAdminOrAuditor = principalRule(
  'isAdminOrAuditor',
  (p) => signedIn(p) ?? (p.kind === 'ADMIN' || (p.kind === 'AUDITOR' && p.purpose === 'AUDIT') || new ForbiddenError('Administrators and auditors only', 'NOT_ADMIN_OR_AUDITOR')),
);
export const isAnalyst = principalRule(
  'isAnalyst',
  (p) => signedIn(p) ?? ((p.kind === 'ANALYST' && p.purpose === 'ANALYTICS') || new ForbiddenError('Analysts working for the ANALYTICS purpose only', 'NOT_ANALYST')),
);

// Scopes alone do not tell a tour operator from a payment provider: these check the client kind too.
const clientKindRule = (kind: 'PARTNER' | 'PAYMENT_PROVIDER', message: string, reason: string) =>
  principalRule(`is:${kind}`, (p) => signedIn(p) ?? ((p.kind === kind && p.partnerId !== null) || new ForbiddenError(message, reason)));

export const isPartner = clientKindRule('PARTNER', 'Tour partners only', 'NOT_A_PARTNER');
export const isPaymentProvider = clientKindRule('PAYMENT_PROVIDER', 'Payment providers only', 'NOT_A_PAYMENT_PROVIDER');

const scopeRules = new Map<string, IRule>();

/** One rule per scope, named after it, so shield's per-request cache keeps scopes apart. */
export function hasScope(scope: Scope): IRule {
  let r = scopeRules.get(scope);
  if (!r) {
    r = principalRule(`hasScope:${scope}`, (p) => signedIn(p) ?? (p.scopes.includes(scope) || new ForbiddenError('The token lacks a required scope', 'INSUFFICIENT_SCOPE')));
    scopeRules.set(scope, r);
  }
  return r;
}
