import { describe, expect, it } from '@jest/globals';
import { decide } from '../../src/privacy/privacy.decide.js';
import type { Decision, DecisionInput } from '../../src/privacy/privacy.decide.js';
import type { Edge, PiiKind, PrincipalKind, Purpose, ReasonCode, Relation } from '../../src/privacy/privacy.vocabulary.js';

// Written by hand from DESIGN.md "Who sees what", independently of src/privacy/privacy.policy.ts.
const PRINCIPALS: PrincipalKind[] = ['ANONYMOUS', 'USER', 'PARTNER', 'PAYMENT_PROVIDER', 'SUPPORT', 'MODERATOR', 'ADMIN', 'ANALYST', 'AUDITOR', 'AUTHORITY'];
const PURPOSES: (Purpose | null)[] = [
  null,
  'ACCOUNT',
  'TOUR_BOOKING',
  'PAYMENT',
  'SUPPORT',
  'COMMUNICATION',
  'MODERATION',
  'FRAUD_PREVENTION',
  'ANALYTICS',
  'LEGAL_OBLIGATION',
  'AUDIT',
];
const EDGES: Edge[] = [
  'PROFILE_SELF',
  'BOOKING_TRAVELLER',
  'PAYMENT_PAYER',
  'TICKET_SUBJECT',
  'FRAUD_CASE_SUBJECT',
  'AUTHORITY_SUBJECT',
  'STAFF_LOOKUP',
  'REVIEW_AUTHOR',
  'PUBLIC',
];
const RELATIONS: Relation[] = ['SELF', 'PARTNER_TRAVELLER', 'PAYMENT_PAYER', 'TICKET_SUBJECT', 'FRAUD_CASE_SUBJECT', 'AUTHORITY_SUBJECT', 'NONE'];
const KINDS: PiiKind[] = ['IIN', 'PASSPORT', 'PHONE', 'EMAIL', 'FULL_NAME', 'GENDER', 'MESSENGER', 'DOCUMENT_SCAN'];
const CONSENT_STATES: ReadonlySet<string>[] = [
  new Set(),
  new Set(['TOUR_BOOKING']),
  new Set(['TOUR_BOOKING', 'CROSS_BORDER_TRANSFER']),
  new Set(['COMMUNICATION', 'ANALYTICS', 'CROSS_BORDER_TRANSFER']),
];
const SCOPE_STATES: string[][] = [['tours:read', 'travelers:read:all'], ['travelers:read']];
const REQUEST_STATES: (PiiKind[] | undefined)[] = [undefined, ['IIN', 'PHONE'], [...KINDS]];
const COUNTRIES: (string | null)[] = [null, 'KZ', 'UZ'];

const MASKABLE: PiiKind[] = ['IIN', 'PASSPORT', 'PHONE', 'EMAIL', 'FULL_NAME'];

// A hand transcription of the table: the order of checks is the documented one (purpose, scope, reference, edge, relation,
// consent, cross-border consent, request); the reason is the first unmet check of the rule that would show more and got furthest.
interface Row {
  purposes: Purpose[] | 'ANY';
  edge?: Edge;
  notVia?: ReasonCode;
  relation?: Relation;
  scope?: string;
  reference?: boolean;
  consent?: string;
  requested?: boolean;
  grants: Partial<Record<PiiKind, number>>;
}
const FULL = 3;
const PARTIAL = 2;
const PSEUDO = 1;
const rank = (kinds: PiiKind[], r: number) => Object.fromEntries(kinds.map((k) => [k, r])) as Partial<Record<PiiKind, number>>;
const PUBLIC: Row = { purposes: 'ANY', grants: { FULL_NAME: PARTIAL } };
const TABLE: Record<PrincipalKind, Row[]> = {
  ANONYMOUS: [PUBLIC],
  USER: [{ purposes: ['ACCOUNT'], relation: 'SELF', grants: rank(KINDS, FULL) }, PUBLIC],
  PARTNER: [
    {
      purposes: ['TOUR_BOOKING'],
      scope: 'travelers:read',
      edge: 'BOOKING_TRAVELLER',
      notVia: 'NOT_VIA_BOOKING',
      relation: 'PARTNER_TRAVELLER',
      consent: 'TOUR_BOOKING',
      grants: rank(['FULL_NAME', 'PHONE', 'PASSPORT', 'IIN', 'GENDER'], FULL),
    },
    PUBLIC,
  ],
  PAYMENT_PROVIDER: [
    { purposes: ['PAYMENT'], edge: 'PAYMENT_PAYER', notVia: 'NOT_VIA_PAYMENT', relation: 'PAYMENT_PAYER', grants: rank(['FULL_NAME', 'EMAIL', 'PHONE'], FULL) },
    PUBLIC,
  ],
  SUPPORT: [
    {
      purposes: ['SUPPORT'],
      reference: true,
      edge: 'TICKET_SUBJECT',
      notVia: 'NOT_VIA_TICKET',
      relation: 'TICKET_SUBJECT',
      grants: { ...rank(['FULL_NAME', 'PHONE', 'EMAIL'], FULL), ...rank(['IIN', 'PASSPORT'], PARTIAL) },
    },
    { purposes: ['SUPPORT'], edge: 'STAFF_LOOKUP', notVia: 'NOT_VIA_STAFF_LOOKUP', grants: rank(MASKABLE, PARTIAL) },
    PUBLIC,
  ],
  MODERATOR: [{ purposes: ['MODERATION'], edge: 'STAFF_LOOKUP', notVia: 'NOT_VIA_STAFF_LOOKUP', grants: { ...rank(MASKABLE, PARTIAL), FULL_NAME: FULL } }, PUBLIC],
  AUDITOR: [{ purposes: ['AUDIT'], edge: 'STAFF_LOOKUP', notVia: 'NOT_VIA_STAFF_LOOKUP', grants: rank(MASKABLE, PARTIAL) }, PUBLIC],
  ADMIN: [
    { purposes: ['ACCOUNT', 'FRAUD_PREVENTION'], edge: 'STAFF_LOOKUP', notVia: 'NOT_VIA_STAFF_LOOKUP', grants: rank(MASKABLE, PARTIAL) },
    { purposes: ['FRAUD_PREVENTION'], reference: true, edge: 'FRAUD_CASE_SUBJECT', notVia: 'NOT_VIA_FRAUD_CASE', relation: 'FRAUD_CASE_SUBJECT', grants: rank(KINDS, FULL) },
    PUBLIC,
  ],
  ANALYST: [{ purposes: ['ANALYTICS'], grants: rank(MASKABLE, PSEUDO) }],
  AUTHORITY: [
    {
      purposes: ['LEGAL_OBLIGATION'],
      reference: true,
      edge: 'AUTHORITY_SUBJECT',
      notVia: 'NOT_VIA_AUTHORITY_REQUEST',
      relation: 'AUTHORITY_SUBJECT',
      requested: true,
      grants: rank(KINDS, FULL),
    },
    PUBLIC,
  ],
};

function unmet(row: Row, c: DecisionInput, grant: number): [number, ReasonCode] | null {
  const abroad = c.recipientCountry != null && c.recipientCountry !== 'KZ';
  const steps: [boolean, ReasonCode][] = [
    [row.purposes === 'ANY' || (c.purpose !== null && row.purposes.includes(c.purpose)), 'PURPOSE_NOT_ALLOWED'],
    [!row.scope || c.scopes.includes(row.scope), 'SCOPE_MISSING'],
    [!row.reference || c.hasReference, 'REFERENCE_MISSING'],
    [!row.edge || row.edge === c.edge, row.notVia ?? 'POLICY'],
    [!row.relation || row.relation === c.relation, 'NOT_RELATED'],
    [!row.consent || c.consents.has(row.consent), 'NO_CONSENT'],
    [grant !== FULL || !abroad || c.consents.has('CROSS_BORDER_TRANSFER'), 'NO_CROSS_BORDER_CONSENT'],
    [!row.requested || !!c.requestedKinds?.includes(c.kind), 'NOT_IN_REQUEST'],
  ];
  const i = steps.findIndex(([ok]) => !ok);
  return i < 0 ? null : [i, steps[i][1]];
}

const EXPOSURE = ['NONE', 'PSEUDONYM', 'PARTIAL', 'FULL'] as const;

function expected(c: DecisionInput): Decision {
  const rows = TABLE[c.principal];
  const best = Math.max(0, ...rows.map((r) => (unmet(r, c, r.grants[c.kind] ?? 0) ? 0 : (r.grants[c.kind] ?? 0))));
  if (best === FULL) return { exposure: 'FULL' };
  let reason: ReasonCode = 'POLICY';
  let furthest = -1;
  for (const r of rows) {
    const g = r.grants[c.kind] ?? 0;
    if (g <= best) continue;
    const u = unmet(r, c, g)!;
    if (u[0] > furthest) [furthest, reason] = u;
  }
  return { exposure: EXPOSURE[best], reason };
}

function* cells(principal: PrincipalKind, purpose: Purpose | null): Generator<DecisionInput> {
  for (const edge of EDGES)
    for (const relation of RELATIONS)
      for (const kind of KINDS)
        for (const consents of CONSENT_STATES)
          for (const hasReference of [false, true])
            for (const scopes of SCOPE_STATES)
              for (const requestedKinds of REQUEST_STATES)
                for (const recipientCountry of COUNTRIES) yield { principal, purpose, scopes, hasReference, edge, relation, kind, consents, requestedKinds, recipientCountry };
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
          if (mismatches.length < 5) mismatches.push({ ...cell, consents: [...cell.consents], got, want });
        }
      }
      expect(count).toBe(EDGES.length * RELATIONS.length * KINDS.length * CONSENT_STATES.length * 2 * SCOPE_STATES.length * REQUEST_STATES.length * COUNTRIES.length);
      expect(mismatches).toEqual([]);
    });
  });
});

// An open incident holds the recipient's FULL releases: what would be FULL is the best the other matching rules show, for INCIDENT_HOLD;
// anything else is what it is without the hold (checked against the table above).
function heldInstead(c: DecisionInput): Decision {
  const best = Math.max(
    0,
    ...TABLE[c.principal].map((r) => {
      const g = r.grants[c.kind] ?? 0;
      return g < FULL && !unmet(r, c, g) ? g : 0;
    }),
  );
  return { exposure: EXPOSURE[best], reason: 'INCIDENT_HOLD' };
}

describe('decide for a held recipient, over every cell', () => {
  it.each(PRINCIPALS)('%s', (principal) => {
    const mismatches: unknown[] = [];
    for (const purpose of PURPOSES) {
      for (const cell of cells(principal, purpose)) {
        const open = decide(cell);
        const got = decide({ ...cell, held: true });
        const want = open.exposure === 'FULL' ? heldInstead(cell) : open;
        if ((got.exposure !== want.exposure || got.reason !== want.reason) && mismatches.length < 5) mismatches.push({ ...cell, consents: [...cell.consents], got, want });
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('decide, spot checks', () => {
  const base: DecisionInput = {
    principal: 'PARTNER',
    purpose: 'TOUR_BOOKING',
    scopes: ['travelers:read'],
    hasReference: false,
    edge: 'BOOKING_TRAVELLER',
    relation: 'PARTNER_TRAVELLER',
    kind: 'PASSPORT',
    consents: new Set(['TOUR_BOOKING']),
  };

  it('shows a consenting traveller to the partner in full through the booking', () => {
    expect(decide(base)).toEqual({ exposure: 'FULL' });
  });

  it('shows the same traveller reached as a review author as the public does, naming the edge', () => {
    expect(decide({ ...base, edge: 'REVIEW_AUTHOR' })).toEqual({ exposure: 'NONE', reason: 'NOT_VIA_BOOKING' });
    expect(decide({ ...base, edge: 'REVIEW_AUTHOR', kind: 'FULL_NAME' })).toEqual({ exposure: 'PARTIAL', reason: 'NOT_VIA_BOOKING' });
  });

  it('falls back to the display name when the traveller withdrew TOUR_BOOKING consent', () => {
    const withdrawn = { ...base, consents: new Set<string>() };
    expect(decide(withdrawn)).toEqual({ exposure: 'NONE', reason: 'NO_CONSENT' });
    expect(decide({ ...withdrawn, kind: 'FULL_NAME' })).toEqual({ exposure: 'PARTIAL', reason: 'NO_CONSENT' });
  });

  it('gives a partner abroad FULL only with the cross-border consent', () => {
    expect(decide({ ...base, recipientCountry: 'UZ' })).toEqual({ exposure: 'NONE', reason: 'NO_CROSS_BORDER_CONSENT' });
    expect(decide({ ...base, recipientCountry: 'UZ', consents: new Set(['TOUR_BOOKING', 'CROSS_BORDER_TRANSFER']) })).toEqual({ exposure: 'FULL' });
    expect(decide({ ...base, recipientCountry: 'KZ' })).toEqual({ exposure: 'FULL' });
  });

  it('does not reveal consent state to a partner that is not related', () => {
    expect(decide({ ...base, relation: 'NONE', consents: new Set() })).toEqual({ exposure: 'NONE', reason: 'NOT_RELATED' });
  });

  it('names the missing scope', () => {
    expect(decide({ ...base, scopes: [] })).toEqual({ exposure: 'NONE', reason: 'SCOPE_MISSING' });
  });

  it('never shows an e-mail to a partner', () => {
    expect(decide({ ...base, kind: 'EMAIL' })).toEqual({ exposure: 'NONE', reason: 'POLICY' });
  });

  it('masks for support without a ticket reference, and through a staff lookup', () => {
    const support: DecisionInput = { ...base, principal: 'SUPPORT', purpose: 'SUPPORT', edge: 'TICKET_SUBJECT', relation: 'TICKET_SUBJECT', kind: 'PHONE' };
    expect(decide(support)).toEqual({ exposure: 'NONE', reason: 'NOT_VIA_STAFF_LOOKUP' });
    expect(decide({ ...support, hasReference: true })).toEqual({ exposure: 'FULL' });
    expect(decide({ ...support, hasReference: true, edge: 'STAFF_LOOKUP', relation: 'NONE' })).toEqual({ exposure: 'PARTIAL', reason: 'NOT_VIA_TICKET' });
    expect(decide({ ...support, hasReference: true, kind: 'GENDER' })).toEqual({ exposure: 'NONE', reason: 'POLICY' });
  });

  it('gives an administrator FULL only for a subject of the fraud case it declared', () => {
    const admin: DecisionInput = {
      ...base,
      principal: 'ADMIN',
      purpose: 'FRAUD_PREVENTION',
      hasReference: true,
      edge: 'FRAUD_CASE_SUBJECT',
      relation: 'FRAUD_CASE_SUBJECT',
      kind: 'IIN',
    };
    expect(decide(admin)).toEqual({ exposure: 'FULL' });
    expect(decide({ ...admin, edge: 'STAFF_LOOKUP', relation: 'NONE' })).toEqual({ exposure: 'PARTIAL', reason: 'NOT_VIA_FRAUD_CASE' });
    expect(decide({ ...admin, relation: 'NONE' })).toEqual({ exposure: 'NONE', reason: 'NOT_RELATED' });
  });

  it('gives an authority only the kinds its request names', () => {
    const authority: DecisionInput = {
      ...base,
      principal: 'AUTHORITY',
      purpose: 'LEGAL_OBLIGATION',
      hasReference: true,
      edge: 'AUTHORITY_SUBJECT',
      relation: 'AUTHORITY_SUBJECT',
      requestedKinds: ['IIN'],
    };
    expect(decide({ ...authority, kind: 'IIN' })).toEqual({ exposure: 'FULL' });
    expect(decide({ ...authority, kind: 'PHONE' })).toEqual({ exposure: 'NONE', reason: 'NOT_IN_REQUEST' });
  });

  it("holds a partner's FULL releases during an incident: the IIN goes, the name is masked, both for INCIDENT_HOLD", () => {
    expect(decide({ ...base, held: true })).toEqual({ exposure: 'NONE', reason: 'INCIDENT_HOLD' });
    expect(decide({ ...base, held: true, kind: 'FULL_NAME' })).toEqual({ exposure: 'PARTIAL', reason: 'INCIDENT_HOLD' });
    expect(decide({ ...base, held: true, kind: 'EMAIL' })).toEqual({ exposure: 'NONE', reason: 'POLICY' });
    expect(decide({ ...base, held: true, consents: new Set() })).toEqual({ exposure: 'NONE', reason: 'NO_CONSENT' });
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
