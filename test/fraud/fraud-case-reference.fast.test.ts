import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_FRAUD_CASE } from '../../seeds/references.data.js';
import { DEMO_STAFF } from '../../seeds/staff.data.js';
import { DEMO_TRAVELERS } from '../../seeds/travelers.data.js';
import { CloseFraudCaseDocument, FraudCaseSubjectsDocument, FraudPersonDocument } from '../generated/operations.js';
import { freshTraveller, type FreshUser } from '../rights/fresh-user.fixtures.js';
import { openApp, type InProcessApp } from '../support/in-process.js';
import { principalOf } from '../support/principals.js';
import { openFraudCaseIn } from './fraud-case.fixtures.js';

let app: InProcessApp;
let subject: FreshUser;
let bystander: FreshUser;
let reference: string;

beforeAll(async () => {
  app = await openApp();
  [subject, bystander] = [await freshTraveller(app), await freshTraveller(app)];
  reference = await openFraudCaseIn(app, [subject.id]);
});
afterAll(async () => {
  await app.close();
});

async function read(adminId: string, id: string, ref?: string) {
  const admin = await principalOf(app, { kind: 'ADMIN', accountId: adminId, purpose: 'FRAUD_PREVENTION', reference: ref });
  const res = await app.run(admin, FraudPersonDocument, { id });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.person!;
}

async function loggedFor(subjectId: string) {
  return app.services.sql.rows<{ edge: string; referenceKind: string; referenceId: string; recipientId: string; reference: string }>(
    't_fc_logged',
    `select edge, reference_kind as "referenceKind", reference_id::text as "referenceId", recipient_id as "recipientId", reference from disclosures
     where subject_id = $1 order by at`,
    [subjectId],
  );
}

describe('FRAUD_PREVENTION reads through a real, open case assigned to the caller', () => {
  it("the assigned administrator sees the case's subject in full, and the disclosure names the case and the edge", async () => {
    const person = await read(DEMO_STAFF.admin.id, subject.id, reference);
    expect(person).toEqual({
      id: subject.id,
      fullName: `${subject.firstName} ${subject.patronymic} ${subject.surname}`,
      phone: subject.phone,
      email: subject.email,
      iin: subject.iin,
      passportNumber: subject.passport,
    });
    const [caseRow] = await app.services.sql.rows<{ id: string }>('t_fc_id', 'select id::text from fraud_cases where reference = $1', [reference]);
    expect(await loggedFor(subject.id)).toEqual([
      { edge: 'FRAUD_CASE_SUBJECT', referenceKind: 'FRAUD_CASE', referenceId: caseRow.id, recipientId: DEMO_STAFF.admin.id, reference },
    ]);
  });

  it("a made-up reference, another administrator's case and a person the case does not name give what no reference gives", async () => {
    const none = await read(DEMO_STAFF.admin.id, subject.id);
    expect(none.iin).not.toBe(subject.iin);
    expect(none.passportNumber).not.toBe(subject.passport);
    expect(await read(DEMO_STAFF.admin.id, subject.id, 'x')).toEqual(none);
    expect(await read(DEMO_STAFF.admin.id, subject.id, 'FC-2026-999999')).toEqual(none);
    expect(await read(DEMO_STAFF.secondAdmin.id, subject.id, reference)).toEqual(none);
    const bystanderNone = await read(DEMO_STAFF.admin.id, bystander.id);
    expect(await read(DEMO_STAFF.admin.id, bystander.id, reference)).toEqual(bystanderNone);
    expect(await loggedFor(bystander.id)).toEqual([]);
  });

  it('the case lists its subjects in full for the assignee under its own reference only', async () => {
    const list = async (adminId: string, ref?: string) => {
      const admin = await principalOf(app, { kind: 'ADMIN', accountId: adminId, ...(ref ? { purpose: 'FRAUD_PREVENTION', reference: ref } : {}) });
      const res = await app.run(admin, FraudCaseSubjectsDocument, { status: 'OPEN', first: 100 });
      expect(res.body.errors).toBeUndefined();
      return res.body.data!.fraudCases.nodes;
    };
    const underCase = await list(DEMO_STAFF.admin.id, reference);
    expect(underCase.find((c) => c.reference === reference)!.subjects).toEqual([
      { id: subject.id, fullName: `${subject.firstName} ${subject.patronymic} ${subject.surname}`, iin: subject.iin, passportNumber: subject.passport, phone: subject.phone },
    ]);
    // The demo case is open too, but not the declared one: its subject stays masked in the same response.
    const demo = underCase.find((c) => c.reference === DEMO_FRAUD_CASE.reference)!;
    expect(demo.subjects[0].iin).not.toBe(DEMO_TRAVELERS[1].iin);
    const plain = await list(DEMO_STAFF.admin.id);
    expect(plain.find((c) => c.reference === reference)!.subjects[0].iin).not.toBe(subject.iin);
  });

  it("the demo admin reads the demo case's subject with its reference", async () => {
    const erlan = DEMO_TRAVELERS[1];
    expect(await read(DEMO_STAFF.admin.id, erlan.id, DEMO_FRAUD_CASE.reference)).toMatchObject({ iin: erlan.iin, phone: erlan.phone });
  });

  it('a closed case gives nothing more', async () => {
    const none = await read(DEMO_STAFF.admin.id, subject.id);
    const [c] = await app.services.sql.rows<{ id: string }>('t_fc_id2', 'select id::text from fraud_cases where reference = $1', [reference]);
    const closed = await app.run(await principalOf(app, { kind: 'ADMIN', accountId: DEMO_STAFF.admin.id }), CloseFraudCaseDocument, { id: c.id });
    expect(closed.body.data!.closeFraudCase.__typename).toBe('FraudCaseClosed');
    expect(await read(DEMO_STAFF.admin.id, subject.id, reference)).toEqual(none);
  });
});
