import { addDays, AS_OF } from './calendar.js';
import { DEMO_STAFF } from './staff.data.js';
import { DEMO_TRAVELERS } from './travelers.data.js';

const [, erlan, olga] = DEMO_TRAVELERS;

export interface DemoFraudCase {
  id: string;
  reference: string;
  reason: string;
  openedById: string;
  assignedToId: string;
  subjectIds: readonly string[];
}

/** An open fraud case assigned to the demo admin: with X-Purpose: FRAUD_PREVENTION and X-Purpose-Ref: FC-2026-000101 it sees Erlan in full. */
export const DEMO_FRAUD_CASE: DemoFraudCase = {
  id: 'd0000000-0000-4000-8000-000000002001',
  reference: 'FC-2026-000101',
  reason: 'Два списания за один тур с разных карт за 3 минуты; проверить аккаунт',
  openedById: DEMO_STAFF.admin.id,
  assignedToId: DEMO_STAFF.admin.id,
  subjectIds: [erlan.id],
};

export interface DemoAuthorityRequest {
  id: string;
  agency: string;
  legalBasis: string;
  caseNumber: string;
  subjectId: string;
  kinds: readonly string[];
  expiresAt: string;
  recordedById: string;
  approvedById: string;
  addressedToId: string;
  confidentialUntil: string;
  createdAt: string;
}

/** An approved request addressed to the demo authority (X-Purpose-Ref: AR-2026-0001 reads Olga's name, IIN and passport); confidential for 90 days. */
export const DEMO_AUTHORITY_REQUEST: DemoAuthorityRequest = {
  id: 'd0000000-0000-4000-8000-000000003001',
  agency: 'Агентство по финансовому мониторингу РК',
  legalBasis: 'Закон 94-V ст. 9 п. 3',
  caseNumber: 'AR-2026-0001',
  subjectId: olga.id,
  kinds: ['FULL_NAME', 'IIN', 'PASSPORT'],
  expiresAt: addDays(AS_OF, 180).toISOString(),
  recordedById: DEMO_STAFF.admin.id,
  approvedById: DEMO_STAFF.secondAdmin.id,
  addressedToId: DEMO_STAFF.authority.id,
  confidentialUntil: addDays(AS_OF, 90).toISOString(),
  createdAt: addDays(AS_OF, -2).toISOString(),
};
