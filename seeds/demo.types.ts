import type { ApiClientKind } from '../src/oauth/api-client.entity.js';
import type { BookingStatus } from '../src/bookings/booking.entity.js';
import type { AttachmentMeta } from '../src/complaints/complaint.codec.js';
import type { ComplaintStatus } from '../src/complaints/complaint.entity.js';
import type { ConsentAction } from '../src/consent/consent-event.entity.js';
import type { ConsentPurpose } from '../src/privacy/privacy.vocabulary.js';
import type { ReportStatus } from '../src/moderation/content-report.entity.js';
import type { PartnerKind } from '../src/partners/partner.entity.js';
import type { PaymentStatus } from '../src/payments/payment.entity.js';
import type { ModerationStatus } from '../src/reviews/review.entity.js';
import type { TicketStatus } from '../src/support/support-ticket.entity.js';
import type { TourStatus } from '../src/tours/tour.entity.js';
import type { UserRole } from '../src/access/role-kind.js';
import type { Gender, UserStatus } from '../src/users/user.entity.js';
import type { Messengers } from './person.generator.js';

// Rows in column names, timestamps as ISO strings and dates as YYYY-MM-DD, so generated data compares as plain JSON.

export interface PolicyVersionRow {
  id: string;
  version: string;
  published_at: string;
  text_sha256: string;
}
export interface PartnerRow {
  id: string;
  name: string;
  kind: PartnerKind;
  country: string;
  city: string;
  created_at: string;
}

/** A user as generated, in plain text; no personal value reaches a column unsealed (see demo-rows.mapper.ts). */
export interface PlainUserRow {
  id: string;
  phone: string;
  surname: string;
  first_name: string;
  patronymic: string | null;
  gender: Gender;
  iin: string | null;
  passport: string | null;
  email: string | null;
  messengers: Messengers | null;
  role: UserRole;
  status: UserStatus;
  created_at: string;
}

/** A user as stored: every personal value sealed under the user's data key, with blind indexes for lookups. */
export interface UserRow {
  id: string;
  pii_enc: string;
  phone_bidx: string;
  iin_bidx: string | null;
  passport_bidx: string | null;
  gender: Gender;
  role: UserRole;
  status: UserStatus;
  created_at: string;
}

export interface UserKeyRow {
  user_id: string;
  wrapped_key: string;
  created_at: string;
}

/** An API client as generated: the secret in plain text, replaced by its scrypt hash before insertion. */
export interface PlainApiClientRow {
  id: string;
  client_id: string;
  client_secret: string;
  name: string;
  partner_id: string;
  kind: ApiClientKind;
  scopes: readonly string[];
  purpose: string;
  created_at: string;
}

export interface ApiClientRow extends Omit<PlainApiClientRow, 'client_secret'> {
  secret_hash: string;
}

export interface TourRow {
  id: string;
  partner_id: string;
  title: string;
  region: string;
  starts_on: string;
  ends_on: string;
  price_kzt: number;
  capacity: number;
  seats_booked: number;
  status: TourStatus;
  created_at: string;
}

export interface BookingRow {
  id: string;
  user_id: string;
  tour_id: string;
  seats: number;
  status: BookingStatus;
  amount_kzt: number;
  idempotency_key: string;
  created_at: string;
}

export interface BookingEventRow {
  id: string;
  booking_id: string;
  status: BookingStatus;
  actor_kind: string;
  reason: string | null;
  at: string;
}
export interface PaymentRow {
  id: string;
  booking_id: string;
  provider_id: string;
  amount_kzt: number;
  status: PaymentStatus;
  external_ref: string;
  created_at: string;
  settled_at: string;
}
export interface ConsentRow {
  id: string;
  user_id: string;
  purpose: ConsentPurpose;
  granted: boolean;
  policy_version_id: string;
  updated_at: string;
}
export interface ConsentEventRow {
  id: string;
  user_id: string;
  purpose: ConsentPurpose | null;
  action: ConsentAction;
  policy_version_id: string;
  at: string;
}

export interface ReviewRow {
  id: string;
  author_id: string;
  tour_id: string;
  rating: number;
  text: string;
  moderation_status: ModerationStatus;
  moderation_reason: string | null;
  created_at: string;
}

/** Tickets, reports and complaints as generated, with what their authors wrote in plain text (sealed by demo-rows.mapper.ts). */
export interface PlainSupportTicketRow {
  id: string;
  reference: string;
  user_id: string;
  subject: string;
  status: TicketStatus;
  created_at: string;
  assigned_to_id: string | null;
  assigned_at: string | null;
}
export interface PlainFraudCaseRow {
  id: string;
  reference: string;
  reason: string;
  opened_by_id: string;
  assigned_to_id: string;
  status: 'OPEN' | 'CLOSED';
  created_at: string;
}
export interface FraudCaseSubjectRow {
  case_id: string;
  subject_id: string;
}
export interface AuthorityRequestRow {
  id: string;
  agency: string;
  legal_basis: string;
  case_number: string;
  subject_id: string;
  kinds: string[];
  expires_at: string;
  recorded_by_id: string;
  approved_by_id: string;
  status: 'APPROVED';
  created_at: string;
  addressed_to_id: string;
  confidential_until: string;
}

export interface PlainContentReportRow {
  id: string;
  review_id: string;
  reporter_id: string;
  reason: string;
  status: ReportStatus;
  resolved_by_id: string | null;
  resolution: string | null;
  created_at: string;
}

export interface PlainComplaintRow {
  id: string;
  user_id: string;
  subject: string;
  body: string;
  attachments: AttachmentMeta[];
  status: ComplaintStatus;
  created_at: string;
}

/** As stored: the authors' texts sealed under their data keys. */
export interface SupportTicketRow extends Omit<PlainSupportTicketRow, 'subject'> {
  subject_enc: string;
}
export interface ContentReportRow extends Omit<PlainContentReportRow, 'reason'> {
  reason_enc: string;
}
export interface ComplaintRow extends Omit<PlainComplaintRow, 'subject' | 'body' | 'attachments'> {
  subject_enc: string;
  body_enc: string;
  attachments_enc: string;
}
export interface FraudCaseRow extends Omit<PlainFraudCaseRow, 'reason'> {
  reason_enc: string;
}

/** Everything one seed produces, before encryption and secret hashing. */
export interface DemoData {
  policyVersions: PolicyVersionRow[];
  partners: PartnerRow[];
  apiClients: PlainApiClientRow[];
  users: PlainUserRow[];
  tours: TourRow[];
  bookings: BookingRow[];
  bookingEvents: BookingEventRow[];
  payments: PaymentRow[];
  consents: ConsentRow[];
  consentEvents: ConsentEventRow[];
  reviews: ReviewRow[];
  supportTickets: PlainSupportTicketRow[];
  contentReports: PlainContentReportRow[];
  complaints: PlainComplaintRow[];
  fraudCases: PlainFraudCaseRow[];
  fraudCaseSubjects: FraudCaseSubjectRow[];
  authorityRequests: AuthorityRequestRow[];
}

/** What is inserted: the same tables with only ciphertext, blind indexes and secret hashes in place of the plain values. */
export interface DemoRows extends Omit<DemoData, 'users' | 'apiClients' | 'supportTickets' | 'contentReports' | 'complaints' | 'fraudCases'> {
  users: UserRow[];
  userKeys: UserKeyRow[];
  apiClients: ApiClientRow[];
  supportTickets: SupportTicketRow[];
  contentReports: ContentReportRow[];
  complaints: ComplaintRow[];
  fraudCases: FraudCaseRow[];
}
