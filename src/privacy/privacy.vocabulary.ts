// The privacy vocabulary, declared once: the types, GraphQL enums, database checks and the policy doc derive from these arrays.

export const PRINCIPAL_KINDS = Object.freeze(['ANONYMOUS', 'USER', 'PARTNER', 'PAYMENT_PROVIDER', 'SUPPORT', 'MODERATOR', 'ADMIN', 'ANALYST', 'AUDITOR', 'AUTHORITY'] as const);
export type PrincipalKind = (typeof PRINCIPAL_KINDS)[number];

export const PURPOSES = Object.freeze([
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
] as const);
export type Purpose = (typeof PURPOSES)[number];

/** What a person consents to: the purposes that need (or allow opting out of) consent, and transfers abroad. */
export const CONSENT_PURPOSES = Object.freeze(['TOUR_BOOKING', 'COMMUNICATION', 'ANALYTICS', 'CROSS_BORDER_TRANSFER'] as const);
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export const PII_KINDS = Object.freeze(['IIN', 'PASSPORT', 'PHONE', 'EMAIL', 'FULL_NAME', 'GENDER', 'MESSENGER', 'DOCUMENT_SCAN'] as const);
export type PiiKind = (typeof PII_KINDS)[number];

export const EXPOSURES = Object.freeze(['FULL', 'PARTIAL', 'PSEUDONYM', 'NONE'] as const);
export type Exposure = (typeof EXPOSURES)[number];

/** The field through which a person object was reached; a relation exists only through its own edge. */
export const EDGES = Object.freeze([
  'PROFILE_SELF',
  'BOOKING_TRAVELLER',
  'PAYMENT_PAYER',
  'TICKET_SUBJECT',
  'FRAUD_CASE_SUBJECT',
  'AUTHORITY_SUBJECT',
  'STAFF_LOOKUP',
  'REVIEW_AUTHOR',
  'PUBLIC',
] as const);
export type Edge = (typeof EDGES)[number];

/** How the caller relates to the person through the edge that reached them; established from stored facts, never by the caller. */
export const RELATIONS = Object.freeze(['SELF', 'PARTNER_TRAVELLER', 'PAYMENT_PAYER', 'TICKET_SUBJECT', 'FRAUD_CASE_SUBJECT', 'AUTHORITY_SUBJECT', 'NONE'] as const);
export type Relation = (typeof RELATIONS)[number];

/** Why a value is not shown in full; NOT_VIA_* names the edge the value would have needed. */
export const REASON_CODES = Object.freeze([
  'PURPOSE_NOT_ALLOWED',
  'SCOPE_MISSING',
  'REFERENCE_MISSING',
  'NOT_VIA_PROFILE',
  'NOT_VIA_BOOKING',
  'NOT_VIA_PAYMENT',
  'NOT_VIA_TICKET',
  'NOT_VIA_FRAUD_CASE',
  'NOT_VIA_AUTHORITY_REQUEST',
  'NOT_VIA_STAFF_LOOKUP',
  'NOT_RELATED',
  'NO_CONSENT',
  'NO_CROSS_BORDER_CONSENT',
  'NOT_IN_REQUEST',
  'INCIDENT_HOLD',
  'POLICY',
] as const);
export type ReasonCode = (typeof REASON_CODES)[number];

/** The reason given when a value would have needed this edge. */
export const NOT_VIA: Readonly<Record<Edge, ReasonCode>> = Object.freeze({
  PROFILE_SELF: 'NOT_VIA_PROFILE',
  BOOKING_TRAVELLER: 'NOT_VIA_BOOKING',
  PAYMENT_PAYER: 'NOT_VIA_PAYMENT',
  TICKET_SUBJECT: 'NOT_VIA_TICKET',
  FRAUD_CASE_SUBJECT: 'NOT_VIA_FRAUD_CASE',
  AUTHORITY_SUBJECT: 'NOT_VIA_AUTHORITY_REQUEST',
  STAFF_LOOKUP: 'NOT_VIA_STAFF_LOOKUP',
  REVIEW_AUTHOR: 'POLICY',
  PUBLIC: 'POLICY',
});

/** Kinds that have a PARTIAL mask; PARTIAL of any other kind shows nothing, so the policy never grants it. */
export const MASKABLE_KINDS: readonly PiiKind[] = Object.freeze(['IIN', 'PASSPORT', 'PHONE', 'EMAIL', 'FULL_NAME'] as const);

/** Identity kinds an analyst sees as keyed pseudonyms. */
export const IDENTITY_KINDS: readonly PiiKind[] = Object.freeze(['IIN', 'PASSPORT', 'PHONE', 'EMAIL', 'FULL_NAME'] as const);

/** A SQL check that a column holds one of the values, for migrations. */
export function oneOfCheck(column: string, values: readonly string[]): string {
  return `${column} in (${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')})`;
}
