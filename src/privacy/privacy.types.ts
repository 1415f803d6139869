export type PrincipalKind =
  | 'ANONYMOUS'
  | 'USER'
  | 'PARTNER'
  | 'PAYMENT_PROVIDER'
  | 'SUPPORT'
  | 'MODERATOR'
  | 'ADMIN'
  | 'ANALYST'
  | 'AUDITOR'
  | 'AUTHORITY';

export type Purpose =
  | 'ACCOUNT'
  | 'TOUR_BOOKING'
  | 'PAYMENT'
  | 'SUPPORT'
  | 'COMMUNICATION'
  | 'MODERATION'
  | 'FRAUD_PREVENTION'
  | 'ANALYTICS'
  | 'LEGAL_OBLIGATION'
  | 'AUDIT';

export type ConsentPurpose = Purpose | 'CROSS_BORDER_TRANSFER';

export type PiiKind = 'IIN' | 'PASSPORT' | 'PHONE' | 'EMAIL' | 'FULL_NAME' | 'GENDER' | 'MESSENGER' | 'DOCUMENT_SCAN';

export type Exposure = 'FULL' | 'PARTIAL' | 'PSEUDONYM' | 'NONE';

/** How the caller relates to the person whose data it is; established by the data layer, never by the caller. */
export type Relation =
  | 'SELF'
  /** Traveller booked on this partner's tour, from booking until tour end + 30 days. */
  | 'PARTNER_TRAVELER'
  /** Payer of a booking this payment provider processes. */
  | 'PAYMENT_PAYER'
  /** Subject of the support ticket the caller referenced. */
  | 'TICKET_SUBJECT'
  /** Subject of an approved, unexpired authority request. */
  | 'AUTHORITY_SUBJECT'
  | 'OTHER';

/** Why a value is not shown in full. */
export type ReasonCode =
  | 'NO_CONSENT'
  | 'NOT_RELATED'
  | 'PURPOSE_NOT_ALLOWED'
  | 'SCOPE_MISSING'
  | 'REFERENCE_MISSING'
  | 'NOT_IN_REQUEST'
  | 'POLICY';

export const PRINCIPAL_KINDS: readonly PrincipalKind[] = Object.freeze([
  'ANONYMOUS', 'USER', 'PARTNER', 'PAYMENT_PROVIDER', 'SUPPORT', 'MODERATOR', 'ADMIN', 'ANALYST', 'AUDITOR', 'AUTHORITY',
] as const);

export const PURPOSES: readonly Purpose[] = Object.freeze([
  'ACCOUNT', 'TOUR_BOOKING', 'PAYMENT', 'SUPPORT', 'COMMUNICATION', 'MODERATION', 'FRAUD_PREVENTION', 'ANALYTICS', 'LEGAL_OBLIGATION', 'AUDIT',
] as const);

export const PII_KINDS: readonly PiiKind[] = Object.freeze([
  'IIN', 'PASSPORT', 'PHONE', 'EMAIL', 'FULL_NAME', 'GENDER', 'MESSENGER', 'DOCUMENT_SCAN',
] as const);

/** Kinds that have a PARTIAL mask; PARTIAL of any other kind shows nothing, so the policy never grants it. */
export const MASKABLE_KINDS: readonly PiiKind[] = Object.freeze(['IIN', 'PASSPORT', 'PHONE', 'EMAIL', 'FULL_NAME'] as const);

/** Identity kinds an analyst sees as keyed pseudonyms. */
export const IDENTITY_KINDS: readonly PiiKind[] = Object.freeze(['IIN', 'PASSPORT', 'PHONE', 'EMAIL', 'FULL_NAME'] as const);
