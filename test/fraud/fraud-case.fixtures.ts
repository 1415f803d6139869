import type { RunningGateway } from '../../src/gateway.js';
import { DEMO_STAFF } from '../../seeds/staff.data.js';
import { OpenFraudCaseDocument } from '../generated/operations.js';
import { gql } from '../support/http.js';
import { bearer, tokenFor } from '../support/tokens.js';

/** Opens a real case through the API, assigned to the administrator who opens it; returns what goes in X-Purpose-Ref. */
export async function openFraudCaseFor(gw: RunningGateway, subjectIds: string[], adminId: string = DEMO_STAFF.admin.id): Promise<string> {
  const headers = bearer(await tokenFor(gw, 'ADMIN', { sub: adminId }));
  const res = await gql(gw.url, OpenFraudCaseDocument, { reason: 'Test case', subjectIds }, headers);
  const r = res.body.data?.openFraudCase;
  if (r?.__typename !== 'FraudCaseOpened') throw new Error(`fraud case not opened: ${JSON.stringify(res.body)}`);
  return r.fraudCase.reference;
}
