import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Principal } from '../../src/access/principal.js';
import { maskValue } from '../../src/privacy/privacy.masks.js';
import { DEMO_STAFF } from '../../seeds/staff.data.js';
import { ApproveAuthorityRequestDocument, AuthorityPersonDocument, MyPrivacyReportDocument, RecordAuthorityRequestDocument } from '../generated/operations.js';
import { freshTraveller, type FreshUser } from '../rights/fresh-user.fixtures.js';
import { openApp, type InProcessApp } from '../support/in-process.js';
import { staff, traveller } from '../support/principals.js';

let app: InProcessApp;
let subject: FreshUser;
let admin: Principal;
let secondAdmin: Principal;
const tag = Math.random().toString(36).slice(2, 8).toUpperCase();
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

beforeAll(async () => {
  app = await openApp();
  subject = await freshTraveller(app);
  admin = await staff(app, 'admin');
  secondAdmin = await staff(app, 'secondAdmin');
});
afterAll(async () => {
  await app.close();
});

function record(caseNumber: string, kinds: ('IIN' | 'FULL_NAME' | 'PHONE')[], expiresAt = inDays(7), caller = admin, addressedToId: string = DEMO_STAFF.authority.id) {
  return app.run(caller, RecordAuthorityRequestDocument, {
    agency: 'АФМ РК',
    legalBasis: 'Закон 94-V ст. 9 п. 3',
    caseNumber,
    subjectId: subject.id,
    kinds,
    expiresAt,
    addressedToId,
  });
}

async function authorityRead(caseNumber: string) {
  return app.run(await staff(app, 'authority', { reference: caseNumber }), AuthorityPersonDocument, { id: subject.id });
}

// Without a request that reaches the subject, an authority sees what anyone sees: the public display name.
const publicName = () => maskValue('FULL_NAME', `${subject.firstName} ${subject.patronymic} ${subject.surname}`);

describe('authority requests: record, four-eyes approval, reads within the term', () => {
  const caseNumber = `AR-${tag}-1`;
  let id: string;

  it('an administrator records a request; nothing is readable before approval', async () => {
    const res = await record(caseNumber, ['IIN', 'FULL_NAME']);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.recordAuthorityRequest).toMatchObject({
      caseNumber,
      subjectId: subject.id,
      kinds: ['FULL_NAME', 'IIN'],
      status: 'RECORDED',
      recordedById: DEMO_STAFF.admin.id,
      approvedById: null,
      addressedToId: DEMO_STAFF.authority.id,
      confidentialUntil: null,
    });
    id = res.body.data!.recordAuthorityRequest.id;
    const read = await authorityRead(caseNumber);
    expect(read.body.data!.person).toMatchObject({ fullName: publicName(), iin: null, phone: null });
  });

  it('the same administrator cannot approve it, and the database refuses it too', async () => {
    const res = await app.run(admin, ApproveAuthorityRequestDocument, { id });
    expect(res.body.data!.approveAuthorityRequest).toEqual({ __typename: 'ApprovalRefused', reason: 'SAME_ADMIN' });
    await expect(app.services.sql.rows('t_same_admin', "update authority_requests set approved_by_id = recorded_by_id, status = 'APPROVED' where id = $1", [id])).rejects.toThrow(
      /authority_requests_two_admins/,
    );
    const [row] = await app.services.sql.rows<{ status: string }>('t_ar_status', 'select status from authority_requests where id = $1', [id]);
    expect(row.status).toBe('RECORDED');
  });

  it('a second administrator approves; approving again is refused as not pending', async () => {
    const res = await app.run(secondAdmin, ApproveAuthorityRequestDocument, { id });
    expect(res.body.data!.approveAuthorityRequest).toEqual({
      __typename: 'AuthorityRequestApproved',
      request: { id, status: 'APPROVED', approvedById: DEMO_STAFF.secondAdmin.id },
    });
    const again = await app.run(secondAdmin, ApproveAuthorityRequestDocument, { id });
    expect(again.body.data!.approveAuthorityRequest).toEqual({ __typename: 'ApprovalRefused', reason: 'NOT_PENDING' });
  });

  it("the authority reads exactly the named fields with the case number, and each read lands in the subject's disclosure log", async () => {
    const res = await authorityRead(caseNumber);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.person).toEqual({
      id: subject.id,
      fullName: `${subject.firstName} ${subject.patronymic} ${subject.surname}`,
      iin: subject.iin,
      phone: null,
      email: null,
      passportNumber: null,
      gender: null,
      messengers: null,
    });
    const wrongCase = await authorityRead(`AR-${tag}-none`);
    expect(wrongCase.body.data!.person).toMatchObject({ fullName: publicName(), iin: null });
    const report = await app.run(await traveller(app, subject.id), MyPrivacyReportDocument);
    const logged = report.body.data!.myPrivacyReport.disclosures.filter((d) => d.reference === caseNumber);
    expect(logged).toEqual([expect.objectContaining({ purpose: 'LEGAL_OBLIGATION', kinds: ['FULL_NAME', 'IIN'], recipient: { kind: 'AUTHORITY', partner: null } })]);
  });

  it('after expiry the authority reads nothing', async () => {
    await app.services.sql.rows('t_ar_expire', "update authority_requests set expires_at = now() - interval '1 second' where id = $1", [id]);
    const res = await authorityRead(caseNumber);
    expect(res.body.data!.person).toEqual({ id: subject.id, fullName: publicName(), iin: null, phone: null, email: null, passportNumber: null, gender: null, messengers: null });
  });

  it('refuses approval of an expired request, bad input, and callers other than administrators', async () => {
    const short = await record(`AR-${tag}-2`, ['PHONE'], inDays(1));
    const shortId = short.body.data!.recordAuthorityRequest.id;
    await app.services.sql.rows('t_ar_expire2', "update authority_requests set expires_at = now() - interval '1 second' where id = $1", [shortId]);
    const expired = await app.run(secondAdmin, ApproveAuthorityRequestDocument, { id: shortId });
    expect(expired.body.data!.approveAuthorityRequest).toEqual({ __typename: 'ApprovalRefused', reason: 'EXPIRED' });

    expect((await record(caseNumber, ['PHONE'])).body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'caseNumber' });
    expect((await record(`AR-${tag}-3`, [])).body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kinds' });
    expect((await record(`AR-${tag}-4`, ['PHONE'], inDays(-1))).body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expiresAt' });
    expect((await record('bad case number!', ['PHONE'])).body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'caseNumber' });
    // Only an authority account can be the addressee.
    expect((await record(`AR-${tag}-6`, ['PHONE'], inDays(7), admin, DEMO_STAFF.support.id)).body.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'addressedToId',
    });
    const support = await staff(app, 'support');
    expect((await record(`AR-${tag}-5`, ['PHONE'], inDays(7), support)).body.errors![0].extensions!.code).toBe('FORBIDDEN');
    const authority = await staff(app, 'authority');
    expect((await app.run(authority, ApproveAuthorityRequestDocument, { id: shortId })).body.errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});
