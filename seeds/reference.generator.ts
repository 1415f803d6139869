import { addDays, AS_OF } from './calendar.js';
import type { AuthorityRequestRow, FraudCaseSubjectRow, PlainFraudCaseRow } from './demo.types.js';
import { DEMO_AUTHORITY_REQUEST, DEMO_FRAUD_CASE } from './references.data.js';

/** The reference records staff declare in X-Purpose-Ref besides tickets: one fraud case and one authority request. */
export function referenceRecords(): { fraudCases: PlainFraudCaseRow[]; fraudCaseSubjects: FraudCaseSubjectRow[]; authorityRequests: AuthorityRequestRow[] } {
  const c = DEMO_FRAUD_CASE;
  const a = DEMO_AUTHORITY_REQUEST;
  return {
    fraudCases: [
      {
        id: c.id,
        reference: c.reference,
        reason: c.reason,
        opened_by_id: c.openedById,
        assigned_to_id: c.assignedToId,
        status: 'OPEN',
        created_at: addDays(AS_OF, -1).toISOString(),
      },
    ],
    fraudCaseSubjects: c.subjectIds.map((subject_id) => ({ case_id: c.id, subject_id })),
    authorityRequests: [
      {
        id: a.id,
        agency: a.agency,
        legal_basis: a.legalBasis,
        case_number: a.caseNumber,
        subject_id: a.subjectId,
        kinds: [...a.kinds],
        expires_at: a.expiresAt,
        recorded_by_id: a.recordedById,
        approved_by_id: a.approvedById,
        status: 'APPROVED',
        created_at: a.createdAt,
        addressed_to_id: a.addressedToId,
        confidential_until: a.confidentialUntil,
      },
    ],
  };
}
