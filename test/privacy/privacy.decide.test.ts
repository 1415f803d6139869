import { describe, expect, it } from '@jest/globals';
import { decide } from '../../src/privacy/privacy.decide.js';
import type { Decision, DecisionInput } from '../../src/privacy/privacy.decide.js';
import type { PiiKind, PrincipalKind, Purpose, ReasonCode, Relation } from '../../src/privacy/privacy.types.js';

// Written by hand from DESIGN.md "Who sees what", independently of src/privacy/privacy.policy.ts.
const PRINCIPALS: PrincipalKind[] = ['ANONYMOUS', 'USER', 'PARTNER', 'PAYMENT_PROVIDER', 'SUPPORT', 'MODERATOR', 'ADMIN', 'ANALYST', 'AUDITOR', 'AUTHORITY'];
const PURPOSES: (Purpose | null)[] = [null, 'ACCOUNT', 'TOUR_BOOKING', 'PAYMENT', 'SUPPORT', 'COMMUNICATION', 'MODERATION', 'FRAUD_PREVENTION', 'ANALYTICS', 'LEGAL_OBLIGATION', 'AUDIT'];
const RELATIONS: Relation[] = ['SELF', 'PARTNER_TRAVELER', 'PAYMENT_PAYER', 'TICKET_SUBJECT', 'AUTHORITY_SUBJECT', 'OTHER'];
const KINDS: PiiKind[] = ['IIN', 'PASSPORT', 'PHONE', 'EMAIL', 'FULL_NAME', 'GENDER', 'MESSENGER', 'DOCUMENT_SCAN'];
const CONSENT_STATES: ReadonlySet<string>[] = [
  new Set(),
  new Set(['TOUR_BOOKING']),
  new Set(['ACCOUNT', 'PAYMENT', 'COMMUNICATION', 'ANALYTICS', 'CROSS_BORDER_TRANSFER']),
  new Set(['ACCOUNT', 'TOUR_BOOKING', 'PAYMENT', 'SUPPORT', 'COMMUNICATION', 'MODERATION', 'FRAUD_PREVENTION', 'ANALYTICS', 'LEGAL_OBLIGATION', 'AUDIT', 'CROSS_BORDER_TRANSFER']),
];
const SCOPE_STATES: string[][] = [[], ['travelers:read'], ['tours:read', 'travelers:read:all']];
const REQUEST_STATES: (PiiKind[] | undefined)[] = [undefined, [], ['IIN', 'PHONE'], [...KINDS]];

const MASKABLE = new Set<PiiKind>(['IIN', 'PASSPORT', 'PHONE', 'EMAIL', 'FULL_NAME']);
const PARTNER_SHARES = new Set<PiiKind>(['FULL_NAME', 'PHONE', 'PASSPORT', 'IIN', 'GENDER']);
const PAYMENT_SHARES = new Set<PiiKind>(['FULL_NAME', 'EMAIL', 'PHONE']);

const full = (): Decision => ({ exposure: 'FULL' });
const partial = (reason: ReasonCode): Decision => ({ exposure: 'PARTIAL', reason });
const none = (reason: ReasonCode): Decision => ({ exposure: 'NONE', reason });
const pseudonym = (reason: ReasonCode): Decision => ({ exposure: 'PSEUDONYM', reason });

function expected(c: DecisionInput): Decision {
  const { kind, purpose, relation, hasReference } = c;
  switch (c.principal) {
    case 'USER': {
      if (purpose === 'ACCOUNT' && relation === 'SELF') return full();
      const reason = purpose !== 'ACCOUNT' ? 'PURPOSE_NOT_ALLOWED' : 'NOT_RELATED';
      return kind === 'FULL_NAME' ? partial(reason) : none(reason);
    }
    case 'ANONYMOUS':
      return kind === 'FULL_NAME' ? partial('POLICY') : none('POLICY');
    case 'PARTNER': {
      if (!PARTNER_SHARES.has(kind)) return none('POLICY');
      const reason: ReasonCode | null = purpose !== 'TOUR_BOOKING' ? 'PURPOSE_NOT_ALLOWED'
        : !c.scopes.includes('travelers:read') ? 'SCOPE_MISSING'
          : relation !== 'PARTNER_TRAVELER' ? 'NOT_RELATED'
            : !c.consents.has('TOUR_BOOKING') ? 'NO_CONSENT' : null;
      if (reason === null) return full();
      return kind === 'FULL_NAME' ? partial(reason) : none(reason);
    }
    case 'PAYMENT_PROVIDER':
      if (!PAYMENT_SHARES.has(kind)) return none('POLICY');
      if (purpose !== 'PAYMENT') return none('PURPOSE_NOT_ALLOWED');
      return relation === 'PAYMENT_PAYER' ? full() : none('NOT_RELATED');
    case 'SUPPORT':
      if (!MASKABLE.has(kind)) return none('POLICY');
      if (purpose !== 'SUPPORT') return none('PURPOSE_NOT_ALLOWED');
      if (kind === 'IIN' || kind === 'PASSPORT') return partial('POLICY');
      if (!hasReference) return partial('REFERENCE_MISSING');
      return relation === 'TICKET_SUBJECT' ? full() : partial('NOT_RELATED');
    case 'MODERATOR':
      if (!MASKABLE.has(kind)) return none('POLICY');
      if (purpose !== 'MODERATION') return none('PURPOSE_NOT_ALLOWED');
      return kind === 'FULL_NAME' ? full() : partial('POLICY');
    case 'AUDITOR':
      if (!MASKABLE.has(kind)) return none('POLICY');
      return purpose === 'AUDIT' ? partial('POLICY') : none('PURPOSE_NOT_ALLOWED');
    case 'ADMIN':
      if (purpose === 'FRAUD_PREVENTION') return hasReference ? full() : none('REFERENCE_MISSING');
      // Fraud prevention would show everything, so anything less is for want of that purpose.
      return purpose === 'ACCOUNT' && MASKABLE.has(kind) ? partial('PURPOSE_NOT_ALLOWED') : none('PURPOSE_NOT_ALLOWED');
    case 'ANALYST':
      if (!MASKABLE.has(kind)) return none('POLICY');
      return purpose === 'ANALYTICS' ? pseudonym('POLICY') : none('PURPOSE_NOT_ALLOWED');
    case 'AUTHORITY':
      if (purpose !== 'LEGAL_OBLIGATION') return none('PURPOSE_NOT_ALLOWED');
      if (!hasReference) return none('REFERENCE_MISSING');
      if (relation !== 'AUTHORITY_SUBJECT') return none('NOT_RELATED');
      return c.requestedKinds?.includes(kind) ? full() : none('NOT_IN_REQUEST');
  }
}

function* cells(principal: PrincipalKind, purpose: Purpose | null): Generator<DecisionInput> {
  for (const relation of RELATIONS) for (const kind of KINDS) for (const consents of CONSENT_STATES)
    for (const hasReference of [false, true]) for (const scopes of SCOPE_STATES) for (const requestedKinds of REQUEST_STATES)
      yield { principal, purpose, scopes, hasReference, relation, kind, consents, requestedKinds };
}

describe('decide over every cell', () => {
  describe.each(PRINCIPALS)('%s', (principal) => {
    it.each(PURPOSES)('purpose %s', (purpose) => {
      const mismatches: unknown[] = [];
      let count = 0;
      for (const cell of cells(principal, purpose)) {
        count++;
        const got = decide(cell);
        const want = expected(cell);
        if (got.exposure !== want.exposure || got.reason !== want.reason) {
          mismatches.push({ ...cell, consents: [...cell.consents], got, want });
        }
      }
      expect(count).toBe(RELATIONS.length * KINDS.length * CONSENT_STATES.length * 2 * SCOPE_STATES.length * REQUEST_STATES.length);
      expect(mismatches.slice(0, 5)).toEqual([]);
    });
  });
});

describe('decide, spot checks', () => {
  const base: DecisionInput = {
    principal: 'PARTNER', purpose: 'TOUR_BOOKING', scopes: ['travelers:read'], hasReference: false,
    relation: 'PARTNER_TRAVELER', kind: 'PASSPORT', consents: new Set(['TOUR_BOOKING']),
  };

  it('shows a consenting traveller to the partner in full', () => {
    expect(decide(base)).toEqual({ exposure: 'FULL' });
  });

  it('falls back to the display name when the traveller withdrew TOUR_BOOKING consent', () => {
    const withdrawn = { ...base, consents: new Set<string>() };
    expect(decide(withdrawn)).toEqual({ exposure: 'NONE', reason: 'NO_CONSENT' });
    expect(decide({ ...withdrawn, kind: 'FULL_NAME' })).toEqual({ exposure: 'PARTIAL', reason: 'NO_CONSENT' });
  });

  it('does not reveal consent state to a partner that is not related', () => {
    expect(decide({ ...base, relation: 'OTHER', consents: new Set() })).toEqual({ exposure: 'NONE', reason: 'NOT_RELATED' });
  });

  it('names the missing scope', () => {
    expect(decide({ ...base, scopes: [] })).toEqual({ exposure: 'NONE', reason: 'SCOPE_MISSING' });
  });

  it('never shows an e-mail to a partner', () => {
    expect(decide({ ...base, kind: 'EMAIL' })).toEqual({ exposure: 'NONE', reason: 'POLICY' });
  });

  it('masks for support without a ticket reference', () => {
    const support: DecisionInput = { ...base, principal: 'SUPPORT', purpose: 'SUPPORT', relation: 'TICKET_SUBJECT', kind: 'PHONE' };
    expect(decide(support)).toEqual({ exposure: 'PARTIAL', reason: 'REFERENCE_MISSING' });
    expect(decide({ ...support, hasReference: true })).toEqual({ exposure: 'FULL' });
    expect(decide({ ...support, hasReference: true, kind: 'GENDER' })).toEqual({ exposure: 'NONE', reason: 'POLICY' });
  });

  it('gives an authority only the kinds its request names', () => {
    const authority: DecisionInput = {
      ...base, principal: 'AUTHORITY', purpose: 'LEGAL_OBLIGATION', hasReference: true, relation: 'AUTHORITY_SUBJECT', requestedKinds: ['IIN'],
    };
    expect(decide({ ...authority, kind: 'IIN' })).toEqual({ exposure: 'FULL' });
    expect(decide({ ...authority, kind: 'PHONE' })).toEqual({ exposure: 'NONE', reason: 'NOT_IN_REQUEST' });
  });

  it('returns shared frozen results, allocating nothing per call', () => {
    const a = decide({ ...base, scopes: [] });
    expect(decide({ ...base, scopes: [], kind: 'IIN' })).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(decide(base)).toBe(decide({ ...base, kind: 'IIN' }));
  });

  it('shows nothing to a principal the policy does not know', () => {
    expect(decide({ ...base, principal: 'ROBOT' as PrincipalKind })).toEqual({ exposure: 'NONE', reason: 'POLICY' });
  });
});
