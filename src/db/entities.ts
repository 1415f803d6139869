import { User } from '../users/user.entity.js';
import { UserKey } from '../users/user-key.entity.js';
import { PolicyVersion } from '../consent/policy-version.entity.js';
import { Consent } from '../consent/consent.entity.js';
import { ConsentEvent } from '../consent/consent-event.entity.js';
import { Partner } from '../partners/partner.entity.js';
import { ApiClient } from '../auth/api-client.entity.js';
import { AppClient } from '../auth/app-client.entity.js';
import { LoginCode } from '../auth/login-code.entity.js';
import { Session } from '../auth/session.entity.js';
import { RevokedToken } from '../auth/revoked-token.entity.js';
import { Tour } from '../tours/tour.entity.js';
import { TourDateChange } from '../tours/tour-date-change.entity.js';
import { Booking } from '../bookings/booking.entity.js';
import { BookingEvent } from '../bookings/booking-event.entity.js';
import { BookingDateDecision } from '../bookings/booking-date-decision.entity.js';
import { Payment } from '../payments/payment.entity.js';
import { Refund } from '../payments/refund.entity.js';
import { Review } from '../reviews/review.entity.js';
import { ContentReport } from '../moderation/content-report.entity.js';
import { Complaint } from '../complaints/complaint.entity.js';
import { SupportTicket } from '../support/support-ticket.entity.js';
import { Disclosure } from '../audit/disclosure.entity.js';
import { AuthorityRequest } from '../authority/authority-request.entity.js';
import { LegalHold } from '../rights/legal-hold.entity.js';
import { AnalyticsBudgetSpend } from '../analytics/analytics-budget-spend.entity.js';
import { AnalyticsRelease } from '../analytics/analytics-release.entity.js';
import { AccountErasure } from '../rights/account-erasure.entity.js';
import { FraudCase } from '../fraud/fraud-case.entity.js';
import { FraudCaseSubject } from '../fraud/fraud-case-subject.entity.js';
import { TrustedDocumentSet } from '../documents/trusted-document-set.entity.js';
import { TrustedDocument } from '../documents/trusted-document.entity.js';
import { ExplainRequest } from '../explain/explain-request.entity.js';
import { PrivacyIncident } from '../incidents/privacy-incident.entity.js';
import { RecipientReleaseSlot } from '../incidents/recipient-release-slot.entity.js';

export const ENTITIES = [
  User, UserKey, PolicyVersion, Consent, ConsentEvent, Partner, ApiClient, AppClient, LoginCode, Session, RevokedToken,
  Tour, TourDateChange, Booking, BookingEvent, BookingDateDecision, Payment, Refund, Review, ContentReport, Complaint, SupportTicket, Disclosure,
  AuthorityRequest, LegalHold, AccountErasure, AnalyticsBudgetSpend, AnalyticsRelease, FraudCase, FraudCaseSubject,
  TrustedDocumentSet, TrustedDocument,
  ExplainRequest, PrivacyIncident, RecipientReleaseSlot,
];
