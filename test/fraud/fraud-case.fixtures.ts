import type { RunningGateway } from '../../src/gateway.js';
import { DEMO_STAFF } from '../../seeds/staff.data.js';
import { OpenFraudCaseDocument, type OpenFraudCaseMutation } from '../generated/operations.js';
import { gql, type GqlResponse } from '../support/http.js';
import type { InProcessApp } from '../support/in-process.js';
import { principalOf } from '../support/principals.js';
import { bearer, tokenFor } from '../support/tokens.js';

function referenceOf(body: GqlResponse<OpenFraudCaseMutation>['body']): string {
  const r = body.data?.openFraudCase;
  if (r?.__typename !== 'FraudCaseOpened') throw new Error(`fraud case not opened: ${JSON.stringify(body)}`);
  return r.fraudCase.reference;
}

/** Opens a real case through the API, assigned to the administrator who opens it; returns what goes in X-Purpose-Ref. */
export async function openFraudCaseFor(gw: RunningGateway, subjectIds: string[], adminId: string = DEMO_STAFF.admin.id): Promise<string> {
  const headers = bearer(await tokenFor(gw, 'ADMIN', { sub: adminId }));
  return referenceOf((await gql(gw.url, OpenFraudCaseDocument, { reason: 'Test case', subjectIds }, headers)).body);
}

/** The same, run in process. */
export async function openFraudCaseIn(app: InProcessApp, subjectIds: string[], adminId: string = DEMO_STAFF.admin.id): Promise<string> {
  const admin = await principalOf(app, { kind: 'ADMIN', accountId: adminId });
  return referenceOf((await app.run(admin, OpenFraudCaseDocument, { reason: 'Test case', subjectIds })).body);
}
