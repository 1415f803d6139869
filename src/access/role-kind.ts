import type { PrincipalKind } from './principal.js';

/** An account's role, as the users table stores it. */
export type UserRole = 'TRAVELER' | 'SUPPORT' | 'MODERATOR' | 'ADMIN' | 'ANALYST' | 'AUDITOR' | 'AUTHORITY';

/** The principal kind an account's role stands for; the standing check and token issuance both use it. */
export const ROLE_KIND: Readonly<Record<UserRole, Exclude<PrincipalKind, 'ANONYMOUS'>>> = Object.freeze({
  TRAVELER: 'USER',
  SUPPORT: 'SUPPORT',
  MODERATOR: 'MODERATOR',
  ADMIN: 'ADMIN',
  ANALYST: 'ANALYST',
  AUDITOR: 'AUDITOR',
  AUTHORITY: 'AUTHORITY',
});

export function roleOfKind(kind: PrincipalKind): UserRole | null {
  return (Object.keys(ROLE_KIND) as UserRole[]).find((r) => ROLE_KIND[r] === kind) ?? null;
}
