import { describe, expect, it } from '@jest/globals';
import {
  accountIdOf,
  ANONYMOUS_PRINCIPAL,
  PRINCIPAL_KINDS,
  STAFF_PURPOSES,
  defaultPurpose,
  isStaffKind,
  mayDeclare,
  needsReference,
  partnerIdOf,
} from '../../src/access/principal.js';

describe('principal', () => {
  it('has a frozen anonymous principal', () => {
    expect(ANONYMOUS_PRINCIPAL).toEqual({ kind: 'ANONYMOUS', id: null, partnerId: null, scopes: [], purpose: null, purposeRef: null, tokenId: null, clientId: null });
    expect(Object.isFrozen(ANONYMOUS_PRINCIPAL)).toBe(true);
    expect(Object.isFrozen(ANONYMOUS_PRINCIPAL.scopes)).toBe(true);
  });

  it('lists the purposes each staff kind may declare', () => {
    expect(STAFF_PURPOSES).toEqual({
      SUPPORT: ['SUPPORT'],
      MODERATOR: ['MODERATION'],
      ADMIN: ['ACCOUNT', 'FRAUD_PREVENTION'],
      ANALYST: ['ANALYTICS'],
      AUDITOR: ['AUDIT'],
      AUTHORITY: ['LEGAL_OBLIGATION'],
    });
    expect(mayDeclare('ADMIN', 'FRAUD_PREVENTION')).toBe(true);
    expect(mayDeclare('SUPPORT', 'FRAUD_PREVENTION')).toBe(false);
    expect(mayDeclare('ANALYST', 'ACCOUNT')).toBe(false);
    expect(mayDeclare('USER', 'ACCOUNT')).toBe(true);
    expect(mayDeclare('PARTNER', 'ANALYTICS')).toBe(false);
    expect(mayDeclare('ANONYMOUS', 'ACCOUNT')).toBe(false);
  });

  it('has a default purpose for every kind but anonymous', () => {
    expect(Object.fromEntries(PRINCIPAL_KINDS.map((k) => [k, defaultPurpose(k)]))).toEqual({
      ANONYMOUS: null,
      USER: 'ACCOUNT',
      PARTNER: 'TOUR_BOOKING',
      PAYMENT_PROVIDER: 'PAYMENT',
      SUPPORT: 'SUPPORT',
      MODERATOR: 'MODERATION',
      ADMIN: 'ACCOUNT',
      ANALYST: 'ANALYTICS',
      AUDITOR: 'AUDIT',
      AUTHORITY: 'LEGAL_OBLIGATION',
    });
    expect(PRINCIPAL_KINDS.filter(isStaffKind)).toEqual(Object.keys(STAFF_PURPOSES));
  });

  it('knows which purposes need a reference', () => {
    expect(['SUPPORT', 'FRAUD_PREVENTION', 'LEGAL_OBLIGATION'].every((p) => needsReference(p as never))).toBe(true);
    expect(needsReference('ACCOUNT')).toBe(false);
    expect(needsReference('MODERATION')).toBe(false);
  });
});

describe('principal guards', () => {
  const traveller = { ...ANONYMOUS_PRINCIPAL, kind: 'USER' as const, id: 'a1' };
  const partner = { ...ANONYMOUS_PRINCIPAL, kind: 'PARTNER' as const, id: 'client-1', partnerId: 'p1' };

  it('give the signed-in account and the calling company', () => {
    expect(accountIdOf(traveller)).toBe('a1');
    expect(partnerIdOf(partner)).toBe('p1');
  });

  it('refuse a caller without them instead of passing a null on', () => {
    expect(() => accountIdOf(ANONYMOUS_PRINCIPAL)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }));
    expect(() => partnerIdOf(traveller)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }));
  });
});
