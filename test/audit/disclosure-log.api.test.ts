import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningGateway } from '../../src/gateway.js';
import { pseudonymize } from '../../src/privacy/privacy.pseudonym.js';
import { DEMO_STAFF } from '../../seeds/staff.data.js';
import { DisclosureLogDocument } from '../generated/operations.js';
import { startTestGateway } from '../support/gateway.js';
import { gql } from '../support/http.js';
import { bearer, tokenFor } from '../support/tokens.js';
import { insertPerson } from '../support/persons.js';

let gw: RunningGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});

const ours = [randomUUID(), randomUUID(), randomUUID()];
const alice = { id: `ff${randomUUID().slice(2)}`, surname: 'Аудитова', firstName: 'Алиса', phone: '+77990000601' };
const bob = { id: `ff${randomUUID().slice(2)}`, surname: 'Проверкин', firstName: 'Борис', phone: '+77990000602' };

// Subjects of our own ('ff' ids sort after seeded rows), so no other suite sees these rows in its subjects' logs;
// dated far ahead, so they are the newest whatever other suites log meanwhile.
beforeAll(async () => {
  for (const p of [alice, bob]) {
    await insertPerson(gw, p);
  }
  await gw.services.sql.rows(
    't_audit_insert_disclosures',
    `insert into disclosures (id, recipient_kind, recipient_id, recipient_partner_id, subject_id, kinds, purpose, reference, request_id, at) values
    ($1, 'SUPPORT', $4, null, $6, '{PHONE,EMAIL}', 'SUPPORT', 'T-1', 'req-a', '2099-01-01T00:00:03Z'),
    ($2, 'ADMIN', $5, null, $6, '{IIN}', 'FRAUD_PREVENTION', 'CASE-1', 'req-b', '2099-01-01T00:00:02Z'),
    ($3, 'ADMIN', $5, null, $7, '{PASSPORT}', 'FRAUD_PREVENTION', 'CASE-1', 'req-c', '2099-01-01T00:00:01Z')`,
    [...ours, DEMO_STAFF.support.id, DEMO_STAFF.admin.id, alice.id, bob.id],
  );
});
afterAll(async () => {
  await gw.services.sql.rows('t_audit_drop_disclosures', 'delete from disclosures where id = any($1::uuid[])', [ours]);
  await gw.close();
});

async function asAuditor() {
  return bearer(await tokenFor(gw, 'AUDITOR', { sub: DEMO_STAFF.auditor.id }));
}

describe("disclosureLog: the auditor's view", () => {
  it('shows every disclosure with the subject as a keyed pseudonym, never a name or an id', async () => {
    const { body } = await gql(gw.url, DisclosureLogDocument, { first: 3 }, await asAuditor());
    expect(body.errors).toBeUndefined();
    const nodes = body.data!.disclosureLog.nodes;
    expect(nodes.map((n) => n.id)).toEqual(ours);
    const key = gw.services.cfg.pseudonymKey;
    expect(nodes.map((n) => n.subject)).toEqual([alice.id, alice.id, bob.id].map((id) => pseudonymize(key, 'SUBJECT', id)));
    expect(nodes[0]).toMatchObject({ recipient: { kind: 'SUPPORT', partner: null }, kinds: ['PHONE', 'EMAIL'], purpose: 'SUPPORT', reference: 'T-1', requestId: 'req-a' });
    const text = JSON.stringify(body);
    for (const p of [alice, bob]) {
      for (const v of [p.id, p.surname, p.firstName, p.phone]) expect(text).not.toContain(v);
    }
  });

  it('pages newest first without gaps or repeats', async () => {
    const headers = await asAuditor();
    const seen: string[] = [];
    let after: string | null | undefined;
    for (let i = 0; i < 3; i++) {
      const { body } = await gql(gw.url, DisclosureLogDocument, { first: 1, after }, headers);
      seen.push(...body.data!.disclosureLog.nodes.map((n) => n.id));
      after = body.data!.disclosureLog.pageInfo.endCursor;
    }
    expect(seen).toEqual(ours);
  });

  it('filters by recipient kind and account, subject pseudonym, purpose, time range and request, and pages within the filter', async () => {
    const headers = await asAuditor();
    const key = gw.services.cfg.pseudonymKey;
    const ids = async (filter: Record<string, string>, first = 10) => {
      const { body } = await gql(gw.url, DisclosureLogDocument, { first, filter }, headers);
      expect(body.errors).toBeUndefined();
      return body.data!.disclosureLog.nodes.map((n) => n.id).filter((id) => (ours as string[]).includes(id));
    };
    const range = { from: '2099-01-01T00:00:00Z', to: '2099-01-02T00:00:00Z' };
    expect(await ids(range)).toEqual(ours);
    expect(await ids({ ...range, recipientKind: 'ADMIN' })).toEqual([ours[1], ours[2]]);
    expect(await ids({ ...range, recipientId: DEMO_STAFF.support.id })).toEqual([ours[0]]);
    expect(await ids({ ...range, purpose: 'SUPPORT' })).toEqual([ours[0]]);
    expect(await ids({ subject: pseudonymize(key, 'SUBJECT', alice.id) })).toEqual([ours[0], ours[1]]);
    expect(await ids({ subject: pseudonymize(key, 'SUBJECT', bob.id), recipientKind: 'ADMIN', purpose: 'FRAUD_PREVENTION' })).toEqual([ours[2]]);
    expect(await ids({ subject: pseudonymize(key, 'SUBJECT', bob.id), recipientKind: 'SUPPORT' })).toEqual([]);
    expect(await ids({ from: '2099-01-01T00:00:01.500Z', to: '2099-01-01T00:00:02.500Z' })).toEqual([ours[1]]);
    expect(await ids({ requestId: 'req-b' })).toEqual([ours[1]]);
    expect(await ids({ ...range, requestId: 'req-c', recipientKind: 'ADMIN' })).toEqual([ours[2]]);
    expect(await ids({ requestId: 'req-c', recipientKind: 'SUPPORT' })).toEqual([]);
    const one = await gql(gw.url, DisclosureLogDocument, { first: 1, filter: { ...range, recipientKind: 'ADMIN' } }, headers);
    expect(one.body.data!.disclosureLog.nodes[0]).toMatchObject({ id: ours[1], recipientId: DEMO_STAFF.admin.id });
    const two = await gql(
      gw.url,
      DisclosureLogDocument,
      { first: 1, after: one.body.data!.disclosureLog.pageInfo.endCursor, filter: { ...range, recipientKind: 'ADMIN' } },
      headers,
    );
    expect(two.body.data!.disclosureLog.nodes.map((n) => n.id)).toEqual([ours[2]]);
    expect(two.body.data!.disclosureLog.pageInfo.hasNextPage).toBe(false);
    for (const [filter, field] of [
      [{ recipientKind: 'NOBODY' }, 'recipientKind'],
      [{ purpose: 'MARKETING' }, 'purpose'],
      [{ subject: alice.id }, 'subject'],
      [{ from: range.to, to: range.from }, 'to'],
    ] as const) {
      const { body } = await gql(gw.url, DisclosureLogDocument, { first: 1, filter }, headers);
      expect(body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(JSON.stringify(body)).not.toContain(alice.id);
    }
  });

  it('is refused to travellers, other staff and anonymous callers', async () => {
    const cases: [Record<string, string>, string][] = [
      [{}, 'UNAUTHENTICATED'],
      [bearer(await tokenFor(gw, 'USER', { sub: alice.id })), 'FORBIDDEN'],
      [bearer(await tokenFor(gw, 'ADMIN', { sub: DEMO_STAFF.admin.id })), 'FORBIDDEN'],
    ];
    for (const [headers, code] of cases) {
      const { body } = await gql(gw.url, DisclosureLogDocument, { first: 3 }, headers);
      expect(body.data?.disclosureLog ?? null).toBeNull();
      expect(body.errors![0].extensions!.code).toBe(code);
    }
  });
});
