import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningGateway } from '../../src/gateway.js';
import { PersonByIdDocument } from '../generated/operations.js';
import { DEMO_STAFF } from '../../seeds/staff.data.js';
import { DEMO_TRAVELERS } from '../../seeds/travelers.data.js';
import { openFraudCaseFor } from '../fraud/fraud-case.fixtures.js';
import { startTestGateway } from '../support/gateway.js';
import { gql } from '../support/http.js';
import { bearer, tokenFor } from '../support/tokens.js';

let gw: RunningGateway;
let refused: string;
let allowed: string;
beforeAll(async () => {
  gw = await startTestGateway();
  refused = await openFraudCaseFor(gw, [DEMO_TRAVELERS[0].id]);
  allowed = await openFraudCaseFor(gw, [DEMO_TRAVELERS[0].id]);
  // A real database refusal for one case reference (FC-…, safe to inline in DDL): the gateway must then disclose nothing.
  await gw.services.sql.rows(
    't_fail_fn',
    `create or replace function t_refuse_disclosure() returns trigger language plpgsql as
    $$ begin raise exception 'disclosure refused for the test'; end $$`,
  );
  await gw.services.sql.rows(
    't_fail_trg',
    `create trigger t_refuse_disclosure before insert on disclosures
    for each row when (new.reference = '${refused}') execute function t_refuse_disclosure()`,
  );
});
afterAll(async () => {
  await gw.services.sql.rows('t_fail_drop', 'drop trigger if exists t_refuse_disclosure on disclosures');
  await gw.close();
});

describe('no record, no response', () => {
  it('withholds the whole response when the disclosure log cannot be written', async () => {
    const traveller = DEMO_TRAVELERS[0];
    const token = await tokenFor(gw, 'ADMIN', { sub: DEMO_STAFF.admin.id });
    const failed = await gql(gw.url, PersonByIdDocument, { id: traveller.id }, bearer(token, { 'x-purpose': 'FRAUD_PREVENTION', 'x-purpose-ref': refused }));
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).toBe('2');
    expect(failed.body.errors![0].extensions!.retryAfterSeconds).toBe(2);
    expect(failed.body.data).toBeNull();
    expect(failed.body.errors![0].extensions!.code).toBe('DISCLOSURE_LOG_FAILED');
    const text = JSON.stringify(failed.body);
    for (const v of [traveller.iin, traveller.passport, traveller.phone, traveller.email, traveller.surname]) expect(text).not.toContain(v);

    const ok = await gql(gw.url, PersonByIdDocument, { id: traveller.id }, bearer(token, { 'x-purpose': 'FRAUD_PREVENTION', 'x-purpose-ref': allowed }));
    expect(ok.status).toBe(200);
    expect(ok.body.data!.person!.iin).toBe(traveller.iin);
  });
});
