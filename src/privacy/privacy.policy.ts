import { IDENTITY_KINDS, MASKABLE_KINDS, PII_KINDS } from './privacy.vocabulary.js';
import type { ConsentPurpose, Edge, PiiKind, PrincipalKind, Purpose, Relation } from './privacy.vocabulary.js';

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
  /** The fields through which the person must have been reached. */
  readonly edges: readonly Edge[] | 'ANY';
  /** The relation the stored facts must establish through that edge. */
  readonly relations: readonly Relation[] | 'ANY';
  readonly requires: PolicyRequirements;
  /** 'REQUESTED': exactly the kinds the authority request names. */
  readonly full: readonly PiiKind[] | 'REQUESTED';
  readonly partial: readonly PiiKind[];
  readonly pseudonym: readonly PiiKind[];
  readonly note: string;
}

export const TRAVELERS_READ_SCOPE = 'travelers:read';

/** Windows that rest on stored facts: a booking's is fixed when it is made (only its traveller accepting moved dates moves it), a
 * payment's runs from its recorded outcome. */
export const ACCESS_WINDOWS = Object.freeze({
  /** Days after the tour's end (as booked, or as the traveller accepted it moved) that its partner still sees the traveller. */
  bookingDaysAfterTourEnd: 30,
  /** Days after a payment's outcome that its provider still sees the payer. */
  paymentDaysAfterOutcome: 30,
});

/** Law 94-V: a recipient outside Kazakhstan gets FULL values only while this consent of the person is active. */
export const CROSS_BORDER = Object.freeze({ home: 'KZ', consent: 'CROSS_BORDER_TRANSFER' satisfies ConsentPurpose });

const NOTHING: readonly PiiKind[] = Object.freeze([]);
const STAFF_LOOKUP: readonly Edge[] = Object.freeze(['STAFF_LOOKUP']);

// One public rule per principal kind: a person reached any other way shows the display name only.
const publicView = (principal: PrincipalKind): PolicyRule => ({
  principal,
  purposes: 'ANY',
  edges: 'ANY',
  relations: 'ANY',
  requires: {},
  full: NOTHING,
  partial: ['FULL_NAME'],
  pseudonym: NOTHING,
  note: "Reached through any other edge (a review, a tour list, another partner's booking): the public display name only.",
});

/** DESIGN.md "Who sees what". A kind no matching rule lists is NONE; the most permissive matching rule wins per kind. */
export const PRIVACY_POLICY: readonly PolicyRule[] = Object.freeze([
  {
    principal: 'USER',
    purposes: ['ACCOUNT'],
    edges: 'ANY',
    relations: ['SELF'],
    requires: {},
    full: PII_KINDS,
    partial: NOTHING,
    pseudonym: NOTHING,
    note: 'A user sees all of their own data, wherever it is reached.',
  },
  publicView('USER'),
  publicView('ANONYMOUS'),
  {
    principal: 'PARTNER',
    purposes: ['TOUR_BOOKING'],
    edges: ['BOOKING_TRAVELLER'],
    relations: ['PARTNER_TRAVELLER'],
    requires: { scope: TRAVELERS_READ_SCOPE, consent: 'TOUR_BOOKING' },
    full: ['FULL_NAME', 'PHONE', 'PASSPORT', 'IIN', 'GENDER'],
    partial: NOTHING,
    pseudonym: NOTHING,
    note: "The traveller of an active booking of this partner's own tour, from booking until the window stored with it (tour end + 30 days), while TOUR_BOOKING consent is active.",
  },
  publicView('PARTNER'),
  {
    principal: 'PAYMENT_PROVIDER',
    purposes: ['PAYMENT'],
    edges: ['PAYMENT_PAYER'],
    relations: ['PAYMENT_PAYER'],
    requires: {},
    full: ['FULL_NAME', 'EMAIL', 'PHONE'],
    partial: NOTHING,
    pseudonym: NOTHING,
    note: 'The payer of a payment this provider processes, while it is pending and 30 days after its outcome.',
  },
  publicView('PAYMENT_PROVIDER'),
  {
    principal: 'SUPPORT',
    purposes: ['SUPPORT'],
    edges: ['TICKET_SUBJECT'],
    relations: ['TICKET_SUBJECT'],
    requires: { reference: true },
    full: ['FULL_NAME', 'PHONE', 'EMAIL'],
    partial: ['IIN', 'PASSPORT'],
    pseudonym: NOTHING,
    note: 'The user of an open ticket assigned to the caller, declared as the reference.',
  },
  {
    principal: 'SUPPORT',
    purposes: ['SUPPORT'],
    edges: STAFF_LOOKUP,
    relations: 'ANY',
    requires: {},
    full: NOTHING,
    partial: MASKABLE_KINDS,
    pseudonym: NOTHING,
    note: 'Staff lookup without a ticket of that user: masked only.',
  },
  publicView('SUPPORT'),
  {
    principal: 'MODERATOR',
    purposes: ['MODERATION'],
    edges: STAFF_LOOKUP,
    relations: 'ANY',
    requires: {},
    full: ['FULL_NAME'],
    partial: ['IIN', 'PASSPORT', 'PHONE', 'EMAIL'],
    pseudonym: NOTHING,
    note: 'Staff lookup and the moderation queue: names in full to judge publications, the rest masked.',
  },
  publicView('MODERATOR'),
  {
    principal: 'AUDITOR',
    purposes: ['AUDIT'],
    edges: STAFF_LOOKUP,
    relations: 'ANY',
    requires: {},
    full: NOTHING,
    partial: MASKABLE_KINDS,
    pseudonym: NOTHING,
    note: 'Professional advisers, staff lookup: masked only.',
  },
  publicView('AUDITOR'),
  {
    principal: 'ADMIN',
    purposes: ['ACCOUNT', 'FRAUD_PREVENTION'],
    edges: STAFF_LOOKUP,
    relations: 'ANY',
    requires: {},
    full: NOTHING,
    partial: MASKABLE_KINDS,
    pseudonym: NOTHING,
    note: 'Administration, staff lookup: masked only.',
  },
  {
    principal: 'ADMIN',
    purposes: ['FRAUD_PREVENTION'],
    edges: ['FRAUD_CASE_SUBJECT'],
    relations: ['FRAUD_CASE_SUBJECT'],
    requires: { reference: true },
    full: PII_KINDS,
    partial: NOTHING,
    pseudonym: NOTHING,
    note: 'A subject named in an open fraud case assigned to the caller, declared as the reference.',
  },
  publicView('ADMIN'),
  {
    principal: 'ANALYST',
    purposes: ['ANALYTICS'],
    edges: 'ANY',
    relations: 'ANY',
    requires: {},
    full: NOTHING,
    partial: NOTHING,
    pseudonym: IDENTITY_KINDS,
    note: 'Keyed pseudonyms for identities; aggregates only, small groups suppressed.',
  },
  {
    principal: 'AUTHORITY',
    purposes: ['LEGAL_OBLIGATION'],
    edges: ['AUTHORITY_SUBJECT'],
    relations: ['AUTHORITY_SUBJECT'],
    requires: { reference: true },
    full: 'REQUESTED',
    partial: NOTHING,
    pseudonym: NOTHING,
    note: 'The subject of an approved, unexpired request addressed to this authority, declared as the reference: the fields the request names.',
  },
  publicView('AUTHORITY'),
] satisfies PolicyRule[]);
