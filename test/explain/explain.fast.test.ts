import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { print } from 'graphql';
import type { Principal } from '../../src/access/principal.js';
import { DEMO_STAFF } from '../../seeds/staff.data.js';
import { ExplainDocument, TourTravellersDocument, type ExplainQuery, type ExplainQueryVariables } from '../generated/operations.js';
import type { RawPerson } from '../privacy/exposure.fixtures.js';
import { openApp, type InProcessApp, type RunResult } from '../support/in-process.js';
import { anonymous, client, staff, traveller } from '../support/principals.js';
import { analystAccount } from '../support/users.js';
import { CLIENT, explainScene, expectNoValues as expectNoValuesOf, P } from './explain.fixtures.js';

let app: InProcessApp;
let tourId: string;
let people: string[];
let raws: RawPerson[];
let auditor: Principal;
let admin: Principal;

beforeAll(async () => {
  app = await openApp();
  ({ tourId, people, raws } = await explainScene(app));
  auditor = await staff(app, 'auditor');
  admin = await staff(app, 'admin');
});
afterAll(async () => {
  await app.close();
});

async function explain(caller: Principal, vars: ExplainQueryVariables): Promise<RunResult<ExplainQuery>> {
  return app.run(caller, ExplainDocument, vars);
}

const expectNoValues = (res: RunResult<unknown>) => expectNoValuesOf(res, raws);

describe('explain mode', () => {
  const travellersQuery = print(TourTravellersDocument);

  it('reports the errors the principal would get, by code, and still no value', async () => {
    const res = await explain(auditor, { as: { kind: 'USER', accountId: people[0] }, query: travellersQuery, variables: { id: tourId } });
    const explained = res.body.data!.explain;
    expect(explained.decisions).toEqual([]);
    expect(explained.errors.map((e) => [e.code, e.reason, e.path])).toEqual([['FORBIDDEN', 'INSUFFICIENT_SCOPE', ['tour', 'bookings']]]);
    expectNoValues(res);
  });

  it('only auditors and administrators explain; others get a fixed code', async () => {
    const vars = { as: { kind: 'PARTNER' as const, clientId: CLIENT.clientId }, query: travellersQuery, variables: { id: tourId } };
    const callers = [await traveller(app, people[0]), await client(app, 'PARTNER', P), await staff(app, 'support'), await staff(app, 'analyst')];
    for (const caller of callers) {
      const res = await explain(caller, vars);
      expect(res.body.data).toBeNull();
      expect(res.body.errors!.map((e) => e.extensions)).toEqual([expect.objectContaining({ code: 'FORBIDDEN', reason: 'NOT_ADMIN_OR_AUDITOR' })]);
    }
    const byAnonymous = await explain(anonymous, vars);
    expect(byAnonymous.body.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('never acts for the principal: mutations, nested explains and budget-spending analytics are refused unrun', async () => {
    const consentOf = async () =>
      (await app.services.sql.rows<{ granted: boolean }>('t_explain_consent', "select granted from consents where user_id = $1 and purpose = 'TOUR_BOOKING'", [people[2]]))[0]
        .granted;
    const grant = await explain(admin, { as: { kind: 'USER', accountId: people[2] }, query: 'mutation { grantConsent(purpose: TOUR_BOOKING) { __typename } }' });
    expect(grant.body.data!.explain.errors).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', message: 'Explain runs queries only' })]);
    expect(await consentOf()).toBe(false);
    const nested = await explain(admin, {
      as: { kind: 'ADMIN', accountId: DEMO_STAFF.admin.id },
      query: 'query($q: String!) { explain(as: { kind: ANONYMOUS }, query: $q) { decisions { path } } }',
      variables: { q: '{ __typename }' },
    });
    expect(nested.body.data!.explain.errors.map((e) => [e.code, e.reason])).toEqual([['FORBIDDEN', 'NOT_EXPLAINABLE']]);
    const analystId = await analystAccount(app);
    const analyst = await explain(auditor, { as: { kind: 'ANALYST', accountId: analystId }, query: '{ analytics { bookings(groupBy: []) { suppressedCells } } }' });
    expect(analyst.body.data!.explain.errors.map((e) => [e.code, e.reason, e.path])).toEqual([['FORBIDDEN', 'NOT_EXPLAINABLE', ['analytics']]]);
    expect(await app.services.sql.rows('t_explain_budget', 'select 1 from analytics_budget_spend where analyst_id = $1', [analystId])).toEqual([]);
  });

  it('explains only as a caller that could exist: a registered client with the scopes it holds, an active account of that kind', async () => {
    const refused = async (as: ExplainQueryVariables['as']) => {
      const res = await explain(auditor, { as, query: '{ __typename }' });
      expect(res.body.data).toBeNull();
      return res.body.errors![0].extensions;
    };
    expect(await refused({ kind: 'PARTNER', clientId: `no-such-${randomUUID()}` })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'clientId' });
    expect(await refused({ kind: 'PAYMENT_PROVIDER', clientId: CLIENT.clientId })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'clientId' });
    expect(await refused({ kind: 'PARTNER', clientId: CLIENT.clientId, scopes: ['travelers:read', 'payments:write'] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'scopes' });
    expect(await refused({ kind: 'SUPPORT', accountId: people[0] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'accountId' });
    expect(await refused({ kind: 'USER', accountId: 'not-an-id' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'accountId' });
    expect(await refused({ kind: 'USER', accountId: people[0], scopes: ['travelers:read'] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'scopes' });
    expect(await refused({ kind: 'PARTNER', clientId: CLIENT.clientId, purpose: 'SUPPORT' })).toMatchObject({ code: 'FORBIDDEN', reason: 'PURPOSE_NOT_ALLOWED' });
    expect(await refused({ kind: 'SUPPORT', accountId: DEMO_STAFF.support.id, reference: 'not a reference' })).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'PURPOSE_HEADER_MALFORMED',
    });
  });

  it('answers the same over the inline form (an operation named among several)', async () => {
    const query = `query A { tour(id: "${tourId}") { id } } ${travellersQuery}`;
    const res = await app.run(auditor, print(ExplainDocument), {
      as: { kind: 'PARTNER', clientId: CLIENT.clientId },
      query,
      variables: { id: tourId },
      operationName: 'TourTravellers',
    });
    expect(res.body.errors).toBeUndefined();
    expect((res.body.data as ExplainQuery).explain.decisions).toHaveLength(21);
  });
});
