import { IDENTITY_KINDS, MASKABLE_KINDS, PII_KINDS } from './privacy.types.js';
import type { ConsentPurpose, PiiKind, PrincipalKind, Purpose, Relation } from './privacy.types.js';

export interface PolicyRequirements {
  /** OAuth scope the caller's token must carry. */
  readonly scope?: string;
  /** The caller must have declared a ticket, case or request number. */
  readonly reference?: boolean;
  /** Consent purpose the person must have active. */
  readonly consent?: ConsentPurpose;
}

export interface PolicyRule {
  readonly principal: PrincipalKind;
  /** 'ANY' also matches a caller that declared no purpose. */
  readonly purposes: readonly Purpose[] | 'ANY';
  readonly relations: readonly Relation[] | 'ANY';
  readonly requires: PolicyRequirements;
  /** 'REQUESTED': exactly the kinds the authority request names. */
  readonly full: readonly PiiKind[] | 'REQUESTED';
  readonly partial: readonly PiiKind[];
  readonly pseudonym: readonly PiiKind[];
  readonly note: string;
}

export const TRAVELERS_READ_SCOPE = 'travelers:read';

const NOTHING: readonly PiiKind[] = Object.freeze([]);

/** DESIGN.md "Who sees what". A kind no matching rule lists is NONE; the most permissive matching rule wins per kind. */
export const PRIVACY_POLICY: readonly PolicyRule[] = Object.freeze([
  {
    principal: 'USER', purposes: ['ACCOUNT'], relations: ['SELF'], requires: {},
    full: PII_KINDS, partial: NOTHING, pseudonym: NOTHING,
    note: 'A user sees all of their own data.',
  },
  {
    principal: 'USER', purposes: 'ANY', relations: 'ANY', requires: {},
    full: NOTHING, partial: ['FULL_NAME'], pseudonym: NOTHING,
    note: 'Anyone else: the public display name only.',
  },
  {
    principal: 'ANONYMOUS', purposes: 'ANY', relations: 'ANY', requires: {},
    full: NOTHING, partial: ['FULL_NAME'], pseudonym: NOTHING,
    note: 'The public display name only.',
  },
  {
    principal: 'PARTNER', purposes: ['TOUR_BOOKING'], relations: ['PARTNER_TRAVELER'],
    requires: { scope: TRAVELERS_READ_SCOPE, consent: 'TOUR_BOOKING' },
    full: ['FULL_NAME', 'PHONE', 'PASSPORT', 'IIN', 'GENDER'], partial: NOTHING, pseudonym: NOTHING,
    note: 'Travellers on this partner\'s tour, from booking until tour end + 30 days, while TOUR_BOOKING consent is active.',
  },
  {
    principal: 'PARTNER', purposes: 'ANY', relations: 'ANY', requires: {},
    full: NOTHING, partial: ['FULL_NAME'], pseudonym: NOTHING,
    note: 'Any other case: the public display name only.',
  },
  {
    principal: 'PAYMENT_PROVIDER', purposes: ['PAYMENT'], relations: ['PAYMENT_PAYER'], requires: {},
    full: ['FULL_NAME', 'EMAIL', 'PHONE'], partial: NOTHING, pseudonym: NOTHING,
    note: 'The payer of a booking this provider processes.',
  },
  {
    principal: 'SUPPORT', purposes: ['SUPPORT'], relations: ['TICKET_SUBJECT'], requires: { reference: true },
    full: ['FULL_NAME', 'PHONE', 'EMAIL'], partial: ['IIN', 'PASSPORT'], pseudonym: NOTHING,
    note: 'The user of the referenced ticket.',
  },
  {
    principal: 'SUPPORT', purposes: ['SUPPORT'], relations: 'ANY', requires: {},
    full: NOTHING, partial: MASKABLE_KINDS, pseudonym: NOTHING,
    note: 'Without a ticket reference, or not the ticket\'s user: masked only.',
  },
  {
    principal: 'MODERATOR', purposes: ['MODERATION'], relations: 'ANY', requires: {},
    full: ['FULL_NAME'], partial: ['IIN', 'PASSPORT', 'PHONE', 'EMAIL'], pseudonym: NOTHING,
    note: 'Names in full to judge publications, the rest masked.',
  },
  {
    principal: 'AUDITOR', purposes: ['AUDIT'], relations: 'ANY', requires: {},
    full: NOTHING, partial: MASKABLE_KINDS, pseudonym: NOTHING,
    note: 'Professional advisers: masked only.',
  },
  {
    principal: 'ADMIN', purposes: ['ACCOUNT'], relations: 'ANY', requires: {},
    full: NOTHING, partial: MASKABLE_KINDS, pseudonym: NOTHING,
    note: 'Administration: masked only.',
  },
  {
    principal: 'ADMIN', purposes: ['FRAUD_PREVENTION'], relations: 'ANY', requires: { reference: true },
    full: PII_KINDS, partial: NOTHING, pseudonym: NOTHING,
    note: 'Fraud investigation under a case reference.',
  },
  {
    principal: 'ANALYST', purposes: ['ANALYTICS'], relations: 'ANY', requires: {},
    full: NOTHING, partial: NOTHING, pseudonym: IDENTITY_KINDS,
    note: 'Keyed pseudonyms for identities; aggregates only, small groups suppressed.',
  },
  {
    principal: 'AUTHORITY', purposes: ['LEGAL_OBLIGATION'], relations: ['AUTHORITY_SUBJECT'], requires: { reference: true },
    full: 'REQUESTED', partial: NOTHING, pseudonym: NOTHING,
    note: 'The subject of an approved, unexpired request: the fields the request names.',
  },
] satisfies PolicyRule[]);
