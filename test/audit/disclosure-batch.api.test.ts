import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningGateway } from '../../src/gateway.js';
import { PersonByIdDocument } from '../generated/operations.js';
import { DEMO_STAFF } from '../../seeds/staff.data.js';
import { DEMO_TRAVELERS } from '../../seeds/travelers.data.js';
import { openFraudCaseFor } from '../fraud/fraud-case.fixtures.js';
import { startTestGateway } from '../support/gateway.js';
import { gql } from '../support/http.js';
import { bearer, tokenFor } from '../support/tokens.js';

// A wide tick, so that requests sent together share a batch.
let gw: RunningGateway;
let refused: string;
let allowed: string[];
beforeAll(async () => {
  gw = await startTestGateway({ DISCLOSURE_BATCH_MS: '1000' });
  refused = await openFraudCaseFor(gw, [DEMO_TRAVELERS[1].id]);
  allowed = [await openFraudCaseFor(gw, [DEMO_TRAVELERS[1].id]), await openFraudCaseFor(gw, [DEMO_TRAVELERS[1].id])];
  await gw.services.sql.rows(
    't_batch_fail_fn',
    `create or replace function t_refuse_batched_disclosure() returns trigger language plpgsql as
    $$ begin raise exception 'disclosure refused for the test'; end $$`,
  );
  await gw.services.sql.rows(
    't_batch_fail_trg',
    `create trigger t_refuse_batched_disclosure before insert on disclosures
    for each row when (new.reference = '${refused}') execute function t_refuse_batched_disclosure()`,
  );
});
afterAll(async () => {
  await gw.services.sql.rows('t_batch_fail_drop', 'drop trigger if exists t_refuse_batched_disclosure on disclosures');
  await gw.close();
});

async function read(reference: string) {
  const token = await tokenFor(gw, 'ADMIN', { sub: DEMO_STAFF.admin.id });
  return gql(gw.url, PersonByIdDocument, { id: DEMO_TRAVELERS[1].id }, bearer(token, { 'x-purpose': 'FRAUD_PREVENTION', 'x-purpose-ref': reference }));
}

async function logged(reference: string): Promise<{ at: string }[]> {
  return gw.services.sql.rows('t_batch_rows', `select at::text as at from disclosures where reference = $1`, [reference]);
}

describe('disclosure log group commit over HTTP', () => {
  it('writes the rows of requests answered together in one transaction, and answers each only after that commit', async () => {
    const replies = await Promise.all(allowed.map((r) => read(r)));
    expect(replies.map((r) => r.status)).toEqual([200, 200]);
    const rows = await Promise.all(allowed.map((r) => logged(r)));
    expect(rows.map((r) => r.length)).toEqual([1, 1]);
    // now() is the transaction's start: the same instant for both rows means one insert, one commit.
    expect(rows[0][0].at).toBe(rows[1][0].at);
  });

  it('withholds only the response whose rows were refused; the others of its batch are answered and logged', async () => {
    const [a, bad, b] = await Promise.all([read(allowed[0]), read(refused), read(allowed[1])]);
    expect([a.status, bad.status, b.status]).toEqual([200, 503, 200]);
    expect(bad.body.data).toBeNull();
    expect(bad.body.errors![0].extensions!.code).toBe('DISCLOSURE_LOG_FAILED');
    expect(JSON.stringify(bad.body)).not.toContain(DEMO_TRAVELERS[1].iin);
    expect(a.body.data!.person!.iin).toBe(DEMO_TRAVELERS[1].iin);
    expect(await logged(refused)).toEqual([]);
    expect((await logged(allowed[0])).length).toBe(2);
  });
});
