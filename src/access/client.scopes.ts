import type { PrincipalKind } from './principal.js';

/** The principal kinds that API clients sign in as. */
export type ClientPrincipalKind = Extract<PrincipalKind, 'PARTNER' | 'PAYMENT_PROVIDER'>;

/** Every scope an API client may hold, by client kind: the one list that registration, rotation and the scope rules use. */
export const CLIENT_SCOPES = Object.freeze({
  PARTNER: Object.freeze(['tours:read', 'tours:write', 'bookings:read', 'travelers:read'] as const),
  PAYMENT_PROVIDER: Object.freeze(['bookings:read', 'payments:write'] as const),
} satisfies Record<ClientPrincipalKind, readonly string[]>);

export type Scope = (typeof CLIENT_SCOPES)[ClientPrincipalKind][number];

/** The scopes of the list that a client of this kind may not hold, in the order given. */
export function scopesOutside(kind: ClientPrincipalKind, scopes: readonly string[]): string[] {
  const allowed: readonly string[] = CLIENT_SCOPES[kind];
  return scopes.filter((s) => !allowed.includes(s));
}
