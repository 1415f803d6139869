import { STAFF_KINDS, type StaffKind } from '../config/config.js';
import { PRINCIPAL_KINDS, type PrincipalKind, type Purpose } from '../privacy/privacy.vocabulary.js';
import type { Recipient } from '../privacy/privacy.recipient.js';
import { ForbiddenError, UnauthenticatedError } from './access.errors.js';

export { PRINCIPAL_KINDS, STAFF_KINDS, type PrincipalKind, type Purpose, type StaffKind };

/** The caller as access knows it: the policy's view (Recipient) and the token and client it signed in with. */
export interface Principal extends Recipient {
  readonly tokenId: string | null;
  readonly clientId: string | null;
}

export const ANONYMOUS_PRINCIPAL: Principal = Object.freeze({
  kind: 'ANONYMOUS',
  id: null,
  partnerId: null,
  scopes: Object.freeze([]),
  purpose: null,
  purposeRef: null,
  tokenId: null,
  clientId: null,
});

/** The purposes each staff kind may declare; the first is the default. */
export const STAFF_PURPOSES: Readonly<Record<StaffKind, readonly Purpose[]>> = Object.freeze({
  SUPPORT: Object.freeze(['SUPPORT'] as const),
  MODERATOR: Object.freeze(['MODERATION'] as const),
  ADMIN: Object.freeze(['ACCOUNT', 'FRAUD_PREVENTION'] as const),
  ANALYST: Object.freeze(['ANALYTICS'] as const),
  AUDITOR: Object.freeze(['AUDIT'] as const),
  AUTHORITY: Object.freeze(['LEGAL_OBLIGATION'] as const),
});

const CALLER_PURPOSES: Readonly<Record<Exclude<PrincipalKind, StaffKind>, readonly Purpose[]>> = Object.freeze({
  ANONYMOUS: Object.freeze([] as const),
  USER: Object.freeze(['ACCOUNT'] as const),
  PARTNER: Object.freeze(['TOUR_BOOKING'] as const),
  PAYMENT_PROVIDER: Object.freeze(['PAYMENT'] as const),
});

/** Purposes that are only valid with a ticket, case or request number. */
export const PURPOSES_NEEDING_REFERENCE: ReadonlySet<Purpose> = new Set<Purpose>(['SUPPORT', 'FRAUD_PREVENTION', 'LEGAL_OBLIGATION']);

export function isStaffKind(kind: PrincipalKind): kind is StaffKind {
  return Object.hasOwn(STAFF_PURPOSES, kind);
}

export function allowedPurposes(kind: PrincipalKind): readonly Purpose[] {
  return isStaffKind(kind) ? STAFF_PURPOSES[kind] : CALLER_PURPOSES[kind];
}

export function mayDeclare(kind: PrincipalKind, purpose: Purpose): boolean {
  return allowedPurposes(kind).includes(purpose);
}

/** The purpose assumed when the caller declares none; null for anonymous callers. */
export function defaultPurpose(kind: PrincipalKind): Purpose | null {
  return allowedPurposes(kind)[0] ?? null;
}

export function needsReference(purpose: Purpose): boolean {
  return PURPOSES_NEEDING_REFERENCE.has(purpose);
}

/** The signed-in account's id: the shield lets only signed-in callers reach the fields that ask, and a missing one is refused, never assumed. */
export function accountIdOf(p: Principal): string {
  if (p.id === null) throw new UnauthenticatedError();
  return p.id;
}

/** The company behind the calling client (the tour partner or the payment provider): refused for any other caller. */
export function partnerIdOf(p: Principal): string {
  if (p.partnerId === null) throw new ForbiddenError();
  return p.partnerId;
}
