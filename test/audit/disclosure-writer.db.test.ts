import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Principal } from '../../src/access/principal.js';
import type { RunningGateway } from '../../src/gateway.js';
import { DisclosureWriter } from '../../src/audit/disclosure-writer.service.js';
import type { DisclosureEntry } from '../../src/privacy/privacy.session.js';
import type { PiiKind } from '../../src/privacy/privacy.vocabulary.js';
import { startTestGateway } from '../support/gateway.js';
import { bareTraveller } from '../support/users.js';

let gw: RunningGateway;
let subject: string;
beforeAll(async () => {
  gw = await startTestGateway();
  subject = await bareTraveller(gw);
  await gw.services.sql.rows(
    't_w_fail_fn',
    `create or replace function t_refuse_batched() returns trigger language plpgsql as
    $$ begin raise exception 'disclosure refused for the test'; end $$`,
  );
  await gw.services.sql.rows(
    't_w_fail_trg',
    `create trigger t_refuse_batched before insert on disclosures
    for each row when (new.reference = 'CASE-REFUSED-BATCH') execute function t_refuse_batched()`,
  );
});
afterAll(async () => {
  await gw.services.sql.rows('t_w_fail_drop', 'drop trigger if exists t_refuse_batched on disclosures');
  await gw.close();
});

const support = (reference: string | null = null): Principal => ({
  kind: 'SUPPORT',
  id: randomUUID(),
  partnerId: null,
  scopes: [],
  purpose: 'SUPPORT',
  purposeRef: reference,
  tokenId: null,
  clientId: null,
});
const entry = (kinds: PiiKind[] = ['PHONE', 'IIN']): DisclosureEntry => ({
  subjectId: subject,
  edge: 'TICKET_SUBJECT',
  referenceKind: 'SUPPORT_TICKET',
  referenceId: randomUUID(),
  recipientCountry: null,
  kinds: new Set(kinds),
});

async function rowsOf(requestIds: string[]): Promise<{ requestId: string; kinds: string[]; at: string }[]> {
  return gw.services.sql.rows('t_w_rows', 'select request_id as "requestId", kinds, at::text as at from disclosures where request_id = any($1::text[]) order by request_id', [
    requestIds,
  ]);
}

describe('DisclosureWriter (group commit)', () => {
  it('writes the rows of concurrent requests with one statement, and each promise settles once they are committed', async () => {
    const writer = new DisclosureWriter(gw.services.sql, 5, 1000);
    const ids = Array.from({ length: 8 }, () => `t-batch-${randomUUID()}`);
    const before = gw.services.sql.stats.statements;
    await Promise.all(
      ids.map((id) =>
        writer.write(support(), { id, callerId: null }, [entry(), entry(['FULL_NAME'])]).then(async () => {
          // Settled only after commit: a read on another pooled connection already sees this request's rows.
          expect((await rowsOf([id])).length).toBe(2);
        }),
      ),
    );
    // One insert for all 16 rows, then the 8 checking reads.
    expect(gw.services.sql.stats.statements - before).toBe(1 + ids.length);
    const rows = await rowsOf(ids);
    expect(rows.length).toBe(16);
    expect(rows.filter((r) => r.kinds.join() === 'IIN,PHONE').length).toBe(8);
    expect(new Set(rows.map((r) => r.at)).size).toBe(1);
  });

  it('sends a batch early once it holds maxRows rows', async () => {
    const writer = new DisclosureWriter(gw.services.sql, 60_000, 4);
    const ids = [`t-full-${randomUUID()}`, `t-full-${randomUUID()}`];
    // A one-minute tick: only the row cap can release these two requests within the test's time.
    await Promise.all(ids.map((id) => writer.write(support(), { id, callerId: null }, [entry(), entry(['FULL_NAME'])])));
    expect((await rowsOf(ids)).length).toBe(4);
  });

  it('refuses only the request whose rows the database refuses; the others in its batch are written', async () => {
    const writer = new DisclosureWriter(gw.services.sql, 5, 1000);
    const [good1, bad, good2] = [`t-ok-${randomUUID()}`, `t-bad-${randomUUID()}`, `t-ok-${randomUUID()}`];
    const results = await Promise.allSettled([
      writer.write(support(), { id: good1, callerId: null }, [entry()]),
      writer.write(support('CASE-REFUSED-BATCH'), { id: bad, callerId: null }, [entry()]),
      writer.write(support(), { id: good2, callerId: null }, [entry()]),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await rowsOf([good1, bad, good2])).map((r) => r.requestId).sort()).toEqual([good1, good2].sort());
  });

  it('writes nothing and waits for nothing when a request disclosed nothing', async () => {
    const writer = new DisclosureWriter(gw.services.sql, 5, 1000);
    const before = gw.services.sql.stats.statements;
    await writer.write(support(), { id: 't-none', callerId: null }, []);
    expect(gw.services.sql.stats.statements).toBe(before);
  });
});
