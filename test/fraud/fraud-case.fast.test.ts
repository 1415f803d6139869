import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Principal } from '../../src/access/principal.js';
import { resolveReference } from '../../src/privacy/reference.service.js';
import { DEMO_STAFF } from '../../seeds/staff.data.js';
import { CloseFraudCaseDocument, FraudCasesDocument, OpenFraudCaseDocument } from '../generated/operations.js';
import { freshTraveller, type FreshUser } from '../rights/fresh-user.fixtures.js';
import { openApp, type InProcessApp } from '../support/in-process.js';
import { insertPerson } from '../support/persons.js';
import { principalOf, staff } from '../support/principals.js';

let app: InProcessApp;
let subject: FreshUser;
let other: FreshUser;
let admin: Principal;
let secondAdmin: Principal;
const REASON = 'Три карты на одно имя за час; телефон +77011234567';

beforeAll(async () => {
  app = await openApp();
  [subject, other] = [await freshTraveller(app), await freshTraveller(app)];
  admin = await staff(app, 'admin');
  secondAdmin = await staff(app, 'secondAdmin');
});
afterAll(async () => {
  await app.close();
});

const fraudAdmin = (id: string, ref: string): Principal => ({
  kind: 'ADMIN',
  id,
  partnerId: null,
  scopes: [],
  purpose: 'FRAUD_PREVENTION',
  purposeRef: ref,
  tokenId: null,
  clientId: null,
});

async function open(subjectIds: string[], assignedToId?: string) {
  const res = await app.run(admin, OpenFraudCaseDocument, { reason: REASON, subjectIds, assignedToId });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.openFraudCase;
}

async function opened(subjectIds: string[], assignedToId?: string) {
  const r = await open(subjectIds, assignedToId);
  if (r.__typename !== 'FraudCaseOpened') throw new Error(`not opened: ${JSON.stringify(r)}`);
  return r.fraudCase;
}

describe('fraud cases: opened by an administrator with a reason, naming subjects, assigned to an administrator', () => {
  it('opens a case with a human reference, assigned to the caller by default; the reason is stored sealed', async () => {
    const c = await opened([subject.id, subject.id]);
    expect(c).toMatchObject({ status: 'OPEN', subjectIds: [subject.id], openedById: DEMO_STAFF.admin.id, assignedToId: DEMO_STAFF.admin.id, reason: REASON, closedAt: null });
    expect(c.reference).toMatch(/^FC-\d{4}-\d{6}$/);
    const [row] = await app.services.sql.rows<{ reasonEnc: string }>('t_fc_row', 'select reason_enc as "reasonEnc" from fraud_cases where id = $1', [c.id]);
    expect(row.reasonEnc).not.toContain('+77011234567');
    expect(row.reasonEnc).not.toContain('карты');
    const again = await opened([other.id]);
    expect(again.reference).not.toBe(c.reference);
  });

  it('refuses unknown subjects and assignees that are not administrators, as results; bad input and other roles as errors', async () => {
    expect(await open([subject.id, randomUUID()])).toEqual({ __typename: 'FraudCaseRefused', reason: 'UNKNOWN_SUBJECT' });
    expect(await open(['not-an-id'])).toEqual({ __typename: 'FraudCaseRefused', reason: 'UNKNOWN_SUBJECT' });
    expect(await open([subject.id], DEMO_STAFF.support.id)).toEqual({ __typename: 'FraudCaseRefused', reason: 'ASSIGNEE_NOT_ADMIN' });
    expect(await open([subject.id], randomUUID())).toEqual({ __typename: 'FraudCaseRefused', reason: 'ASSIGNEE_NOT_ADMIN' });
    const [{ n }] = await app.services.sql.rows<{ n: number }>('t_fc_none', 'select count(*)::int as n from fraud_case_subjects where subject_id = $1', [subject.id]);
    expect(n).toBe(1);
    const empty = await app.run(admin, OpenFraudCaseDocument, { reason: '  ', subjectIds: [subject.id] });
    expect(empty.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const none = await app.run(admin, OpenFraudCaseDocument, { reason: REASON, subjectIds: [] });
    expect(none.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'subjectIds' });
    for (const [kind, sub] of [
      ['SUPPORT', DEMO_STAFF.support.id],
      ['AUDITOR', DEMO_STAFF.auditor.id],
      ['USER', subject.id],
    ] as const) {
      const caller = await principalOf(app, { kind, accountId: sub });
      const res = await app.run(caller, OpenFraudCaseDocument, { reason: REASON, subjectIds: [subject.id] });
      expect(res.body.data?.openFraudCase ?? null).toBeNull();
      expect(res.body.errors![0].extensions!.code).toBe('FORBIDDEN');
      expect((await app.run(caller, FraudCasesDocument, {})).body.errors![0].extensions!.code).toBe('FORBIDDEN');
    }
  });

  it('lists cases newest first with keyset pages; the reason only for the opener and the assignee', async () => {
    const mine = await opened([subject.id]);
    const theirs = await opened([other.id], DEMO_STAFF.secondAdmin.id);
    const first = await app.run(admin, FraudCasesDocument, { status: 'OPEN', first: 1 });
    expect(first.body.data!.fraudCases.nodes.map((n) => n.id)).toEqual([theirs.id]);
    const next = await app.run(admin, FraudCasesDocument, { status: 'OPEN', first: 1, after: first.body.data!.fraudCases.pageInfo.endCursor });
    expect(next.body.data!.fraudCases.nodes.map((n) => n.id)).toEqual([mine.id]);
    const asSecond = (await app.run(secondAdmin, FraudCasesDocument, { first: 2 })).body.data!.fraudCases.nodes;
    expect(asSecond.find((n) => n.id === theirs.id)).toMatchObject({ reason: REASON, assignedToId: DEMO_STAFF.secondAdmin.id, openedById: DEMO_STAFF.admin.id });
    expect(asSecond.find((n) => n.id === mine.id)).toMatchObject({ reason: null, subjectIds: [subject.id] });
  });

  it('its reference resolves only for the assigned administrator, only while open, and names only its subjects', async () => {
    const c = await opened([subject.id, other.id], DEMO_STAFF.secondAdmin.id);
    const resolved = await resolveReference(app.services.sql, fraudAdmin(DEMO_STAFF.secondAdmin.id, c.reference));
    expect(resolved).toEqual({
      kind: 'FRAUD_CASE',
      id: c.id,
      subjects: new Map([
        [subject.id, null],
        [other.id, null],
      ]),
    });
    // The opener is not the assignee; a made-up case number, another purpose or another kind give nothing.
    expect(await resolveReference(app.services.sql, fraudAdmin(DEMO_STAFF.admin.id, c.reference))).toBeNull();
    expect(await resolveReference(app.services.sql, fraudAdmin(DEMO_STAFF.secondAdmin.id, 'x'))).toBeNull();
    expect(await resolveReference(app.services.sql, { ...fraudAdmin(DEMO_STAFF.secondAdmin.id, c.reference), purpose: 'ACCOUNT' })).toBeNull();
    expect(await resolveReference(app.services.sql, { ...fraudAdmin(DEMO_STAFF.secondAdmin.id, c.reference), kind: 'SUPPORT' })).toBeNull();

    const notYours = await app.run(await principalOf(app, { kind: 'ADMIN', accountId: await anotherAdmin() }), CloseFraudCaseDocument, { id: c.id });
    expect(notYours.body.data!.closeFraudCase).toEqual({ __typename: 'FraudCaseRefused', reason: 'NOT_YOURS' });
    const closed = await app.run(secondAdmin, CloseFraudCaseDocument, { id: c.id });
    expect(closed.body.data!.closeFraudCase).toMatchObject({ __typename: 'FraudCaseClosed', fraudCase: { id: c.id, status: 'CLOSED' } });
    expect(await resolveReference(app.services.sql, fraudAdmin(DEMO_STAFF.secondAdmin.id, c.reference))).toBeNull();
    const again = await app.run(admin, CloseFraudCaseDocument, { id: c.id });
    expect(again.body.data!.closeFraudCase).toEqual({ __typename: 'FraudCaseRefused', reason: 'NOT_OPEN' });
    expect((await app.run(admin, CloseFraudCaseDocument, { id: randomUUID() })).body.errors![0].extensions!.code).toBe('NOT_FOUND');
  });
});

// A third administrator, neither opener nor assignee.
function anotherAdmin(): Promise<string> {
  return insertPerson(app, { role: 'ADMIN', firstName: 'Үшінші', surname: 'Әкімші' });
}
