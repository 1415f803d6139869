import { openComplaintTexts, type StoredComplaintTexts } from '../complaints/complaint.codec.js';
import { statement } from '../db/statement.js';
import type { AppServices } from '../graphql/context.js';
import { SUBJECT_VIEW } from '../audit/disclosure.service.js';
import { ForbiddenError } from '../graphql/errors.js';
import { openReportReason } from '../moderation/content-report.codec.js';
import { openPersonalData } from '../users/personal-data.codec.js';

interface SealedComplaint extends Omit<StoredComplaintTexts, 'userId' | 'wrappedKey'> {
  status: string;
  createdAt: string;
}
interface SealedReport {
  id: string;
  reviewId: string;
  reasonEnc: string | null;
  status: string;
  createdAt: string;
}
interface ExportRow {
  status: string;
  piiEnc: string | null;
  wrappedKey: string | null;
  document: { complaints: SealedComplaint[]; contentReports: SealedReport[]; [section: string]: unknown };
}

const rowsOf = (query: string) => `coalesce((select jsonb_agg(to_jsonb(x)) from (${query}) x), '[]'::jsonb)`;

// One statement, so the document is a consistent snapshot; the sealed personal values and texts are read with it and opened below.
const EXPORT = statement<ExportRow, [userId: string]>(
  'rights_export',
  `select u.status, u.pii_enc as "piiEnc", k.wrapped_key as "wrappedKey", jsonb_build_object(
  'profile', jsonb_build_object('id', u.id, 'gender', u.gender, 'role', u.role, 'status', u.status, 'createdAt', u.created_at),
  'consents', ${rowsOf(`select c.purpose, c.granted, v.version as "policyVersion", c.updated_at as "updatedAt"
    from consents c join policy_versions v on v.id = c.policy_version_id where c.user_id = u.id order by c.purpose`)},
  'consentEvents', ${rowsOf(`select e.purpose, e.action, v.version as "policyVersion", e.at
    from consent_events e join policy_versions v on v.id = e.policy_version_id where e.user_id = u.id order by e.at, e.id`)},
  'bookings', ${rowsOf(`select b.id, b.tour_id as "tourId", t.title as "tourTitle", t.starts_on as "startsOn", t.ends_on as "endsOn", b.seats, b.status,
    b.amount_kzt as "amountKzt", b.created_at as "createdAt" from bookings b join tours t on t.id = b.tour_id where b.user_id = u.id order by b.created_at, b.id`)},
  'payments', ${rowsOf(`select p.id, p.booking_id as "bookingId", pr.name as provider, p.amount_kzt as "amountKzt", p.status, p.created_at as "createdAt"
    from payments p join bookings b on b.id = p.booking_id join partners pr on pr.id = p.provider_id where b.user_id = u.id order by p.created_at, p.id`)},
  'reviews', ${rowsOf(`select r.id, r.tour_id as "tourId", r.rating, r.text, r.moderation_status as "moderationStatus", r.created_at as "createdAt"
    from reviews r where r.author_id = u.id order by r.created_at, r.id`)},
  'contentReports', ${rowsOf(`select c.id, c.review_id as "reviewId", c.reason_enc as "reasonEnc", c.status, c.created_at as "createdAt"
    from content_reports c where c.reporter_id = u.id order by c.created_at, c.id`)},
  'complaints', ${rowsOf(`select c.id, c.subject_enc as "subjectEnc", c.body_enc as "bodyEnc", c.attachments_enc as "attachmentsEnc", c.status, c.created_at as "createdAt"
    from complaints c where c.user_id = u.id order by c.created_at, c.id`)},
  'disclosures', ${rowsOf(`select d.recipient_kind as "recipientKind", p.name as "recipientPartner", ${SUBJECT_VIEW.kinds} as kinds, d.purpose,
    ${SUBJECT_VIEW.reference} as reference, ${SUBJECT_VIEW.at} as at, ${SUBJECT_VIEW.withheld} as withheld
    from ${SUBJECT_VIEW.from} where d.subject_id = u.id order by d.at, d.id`)}
) as document from users u left join keyring.user_keys k on k.user_id = u.id where u.id = $1`,
);

/** Everything held about the caller, machine-readable (user rights 1 and 5); their own data, so nothing is logged as disclosed. */
export async function exportUserData(services: AppServices, userId: string): Promise<Record<string, unknown>> {
  const [row] = await services.sql.rows(EXPORT, userId);
  if (!row || row.status !== 'ACTIVE') throw new ForbiddenError('The account is not active', 'ACCOUNT_NOT_ACTIVE');
  const { passport, ...data } = openPersonalData(services.vault, userId, row.wrappedKey, row.piiEnc);
  const profile = { ...(row.document.profile as Record<string, unknown>), ...data, passportNumber: passport };
  // Every complaint and report here is the caller's own, sealed under the key read with the row.
  const complaints = row.document.complaints.map(({ subjectEnc, bodyEnc, attachmentsEnc, ...c }) => ({
    ...c,
    ...openComplaintTexts(services.vault, { id: c.id, userId, wrappedKey: row.wrappedKey, subjectEnc, bodyEnc, attachmentsEnc }),
  }));
  const contentReports = row.document.contentReports.map(({ reasonEnc, ...r }) => ({
    ...r,
    reason: openReportReason(services.vault, { id: r.id, reporterId: userId, wrappedKey: row.wrappedKey, reasonEnc }),
  }));
  return { format: 'qaztracker-export/1', exportedAt: new Date().toISOString(), ...row.document, profile, complaints, contentReports };
}
