import type { DemoRows } from './demo.types.js';

export type Column = readonly [name: string, type: string];

/** A table name, schema-qualified or not, quoted for SQL. */
export const quoteTable = (table: string): string =>
  table
    .split('.')
    .map((part) => `"${part}"`)
    .join('.');

export interface TableSpec {
  table: string;
  key: keyof DemoRows;
  columns: readonly Column[];
}

// In foreign-key order; the wipe in demo.seeder.ts empties the same tables.
export const DEMO_TABLES: readonly TableSpec[] = [
  {
    table: 'policy_versions',
    key: 'policyVersions',
    columns: [
      ['id', 'uuid'],
      ['version', 'text'],
      ['published_at', 'timestamptz'],
      ['text_sha256', 'text'],
    ],
  },
  {
    table: 'partners',
    key: 'partners',
    columns: [
      ['id', 'uuid'],
      ['name', 'text'],
      ['kind', 'text'],
      ['country', 'text'],
      ['city', 'text'],
      ['created_at', 'timestamptz'],
    ],
  },
  {
    table: 'api_clients',
    key: 'apiClients',
    columns: [
      ['id', 'uuid'],
      ['client_id', 'text'],
      ['secret_hash', 'text'],
      ['name', 'text'],
      ['partner_id', 'uuid'],
      ['kind', 'text'],
      ['scopes', 'text[]'],
      ['purpose', 'text'],
      ['created_at', 'timestamptz'],
    ],
  },
  {
    table: 'users',
    key: 'users',
    columns: [
      ['id', 'uuid'],
      ['pii_enc', 'text'],
      ['phone_bidx', 'text'],
      ['iin_bidx', 'text'],
      ['passport_bidx', 'text'],
      ['gender', 'text'],
      ['role', 'text'],
      ['status', 'text'],
      ['created_at', 'timestamptz'],
    ],
  },
  {
    table: 'keyring.user_keys',
    key: 'userKeys',
    columns: [
      ['user_id', 'uuid'],
      ['wrapped_key', 'text'],
      ['created_at', 'timestamptz'],
    ],
  },
  {
    table: 'tours',
    key: 'tours',
    columns: [
      ['id', 'uuid'],
      ['partner_id', 'uuid'],
      ['title', 'text'],
      ['region', 'text'],
      ['starts_on', 'date'],
      ['ends_on', 'date'],
      ['price_kzt', 'int'],
      ['capacity', 'int'],
      ['seats_booked', 'int'],
      ['status', 'text'],
      ['created_at', 'timestamptz'],
    ],
  },
  {
    table: 'bookings',
    key: 'bookings',
    columns: [
      ['id', 'uuid'],
      ['user_id', 'uuid'],
      ['tour_id', 'uuid'],
      ['seats', 'int'],
      ['status', 'text'],
      ['amount_kzt', 'bigint'],
      ['idempotency_key', 'text'],
      ['created_at', 'timestamptz'],
    ],
  },
  {
    table: 'booking_events',
    key: 'bookingEvents',
    columns: [
      ['id', 'uuid'],
      ['booking_id', 'uuid'],
      ['status', 'text'],
      ['actor_kind', 'text'],
      ['reason', 'text'],
      ['at', 'timestamptz'],
    ],
  },
  {
    table: 'payments',
    key: 'payments',
    columns: [
      ['id', 'uuid'],
      ['booking_id', 'uuid'],
      ['provider_id', 'uuid'],
      ['amount_kzt', 'bigint'],
      ['status', 'text'],
      ['external_ref', 'text'],
      ['created_at', 'timestamptz'],
      ['settled_at', 'timestamptz'],
    ],
  },
  {
    table: 'consents',
    key: 'consents',
    columns: [
      ['id', 'uuid'],
      ['user_id', 'uuid'],
      ['purpose', 'text'],
      ['granted', 'boolean'],
      ['policy_version_id', 'uuid'],
      ['updated_at', 'timestamptz'],
    ],
  },
  {
    table: 'consent_events',
    key: 'consentEvents',
    columns: [
      ['id', 'uuid'],
      ['user_id', 'uuid'],
      ['purpose', 'text'],
      ['action', 'text'],
      ['policy_version_id', 'uuid'],
      ['at', 'timestamptz'],
    ],
  },
  {
    table: 'reviews',
    key: 'reviews',
    columns: [
      ['id', 'uuid'],
      ['author_id', 'uuid'],
      ['tour_id', 'uuid'],
      ['rating', 'smallint'],
      ['text', 'text'],
      ['moderation_status', 'text'],
      ['moderation_reason', 'text'],
      ['created_at', 'timestamptz'],
    ],
  },
  {
    table: 'support_tickets',
    key: 'supportTickets',
    columns: [
      ['id', 'uuid'],
      ['reference', 'text'],
      ['user_id', 'uuid'],
      ['subject_enc', 'text'],
      ['status', 'text'],
      ['created_at', 'timestamptz'],
      ['assigned_to_id', 'uuid'],
      ['assigned_at', 'timestamptz'],
    ],
  },
  {
    table: 'content_reports',
    key: 'contentReports',
    columns: [
      ['id', 'uuid'],
      ['review_id', 'uuid'],
      ['reporter_id', 'uuid'],
      ['reason_enc', 'text'],
      ['status', 'text'],
      ['resolved_by_id', 'uuid'],
      ['resolution', 'text'],
      ['created_at', 'timestamptz'],
    ],
  },
  {
    table: 'complaints',
    key: 'complaints',
    columns: [
      ['id', 'uuid'],
      ['user_id', 'uuid'],
      ['subject_enc', 'text'],
      ['body_enc', 'text'],
      ['attachments_enc', 'text'],
      ['status', 'text'],
      ['created_at', 'timestamptz'],
    ],
  },
  {
    table: 'fraud_cases',
    key: 'fraudCases',
    columns: [
      ['id', 'uuid'],
      ['reference', 'text'],
      ['reason_enc', 'text'],
      ['opened_by_id', 'uuid'],
      ['assigned_to_id', 'uuid'],
      ['status', 'text'],
      ['created_at', 'timestamptz'],
    ],
  },
  {
    table: 'fraud_case_subjects',
    key: 'fraudCaseSubjects',
    columns: [
      ['case_id', 'uuid'],
      ['subject_id', 'uuid'],
    ],
  },
  {
    table: 'authority_requests',
    key: 'authorityRequests',
    columns: [
      ['id', 'uuid'],
      ['agency', 'text'],
      ['legal_basis', 'text'],
      ['case_number', 'text'],
      ['subject_id', 'uuid'],
      ['kinds', 'text[]'],
      ['expires_at', 'timestamptz'],
      ['recorded_by_id', 'uuid'],
      ['approved_by_id', 'uuid'],
      ['status', 'text'],
      ['created_at', 'timestamptz'],
      ['addressed_to_id', 'uuid'],
      ['confidential_until', 'timestamptz'],
    ],
  },
];

// Emptied but not filled: what the gateway records as it runs, and the documents operators registered for clients.
export const RUNTIME_TABLES = [
  'disclosures',
  'legal_holds',
  'trusted_document_sets',
  'trusted_documents',
  'explain_requests',
  'privacy_incidents',
  'recipient_release_slots',
] as const;
