import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningGateway } from '../../src/gateway.js';
import { maskValue } from '../../src/privacy/privacy.masks.js';
import { DEMO_STAFF } from '../../seeds/staff.data.js';
import { ApproveAuthorityRequestDocument, AuthorityPersonDocument, MyPrivacyReportDocument, RecordAuthorityRequestDocument } from '../generated/operations.js';
import { freshTraveller, type FreshUser } from '../rights/fresh-user.fixtures.js';
import { startTestGateway } from '../support/gateway.js';
import { gql } from '../support/http.js';
import { bearer, tokenFor } from '../support/tokens.js';

let gw: RunningGateway;
let subject: FreshUser;
let admin: Record<string, string>;
let secondAdmin: Record<string, string>;
const tag = Math.random().toString(36).slice(2, 8).toUpperCase();
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

beforeAll(async () => {
  gw = await startTestGateway();
  subject = await freshTraveller(gw);
  admin = bearer(await tokenFor(gw, 'ADMIN', { sub: DEMO_STAFF.admin.id }));
  secondAdmin = bearer(await tokenFor(gw, 'ADMIN', { sub: DEMO_STAFF.secondAdmin.id }));
});
afterAll(async () => {
  await gw.close();
});

function record(caseNumber: string, kinds: ('IIN' | 'FULL_NAME' | 'PHONE')[], expiresAt = inDays(7), headers = admin, addressedToId: string = DEMO_STAFF.authority.id) {
  return gql(
    gw.url,
    RecordAuthorityRequestDocument,
    { agency: 'АФМ РК', legalBasis: 'Закон 94-V ст. 9 п. 3', caseNumber, subjectId: subject.id, kinds, expiresAt, addressedToId },
    headers,
  );
}

async function authorityRead(caseNumber: string) {
  const token = await tokenFor(gw, 'AUTHORITY', { sub: DEMO_STAFF.authority.id });
  return gql(gw.url, AuthorityPersonDocument, { id: subject.id }, bearer(token, { 'x-purpose-ref': caseNumber }));
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
    const res = await gql(gw.url, ApproveAuthorityRequestDocument, { id }, admin);
    expect(res.body.data!.approveAuthorityRequest).toEqual({ __typename: 'ApprovalRefused', reason: 'SAME_ADMIN' });
    await expect(gw.services.sql.rows('t_same_admin', "update authority_requests set approved_by_id = recorded_by_id, status = 'APPROVED' where id = $1", [id])).rejects.toThrow(
      /authority_requests_two_admins/,
    );
    const [row] = await gw.services.sql.rows<{ status: string }>('t_ar_status', 'select status from authority_requests where id = $1', [id]);
    expect(row.status).toBe('RECORDED');
  });

  it('a second administrator approves; approving again is refused as not pending', async () => {
    const res = await gql(gw.url, ApproveAuthorityRequestDocument, { id }, secondAdmin);
    expect(res.body.data!.approveAuthorityRequest).toEqual({
      __typename: 'AuthorityRequestApproved',
      request: { id, status: 'APPROVED', approvedById: DEMO_STAFF.secondAdmin.id },
    });
    const again = await gql(gw.url, ApproveAuthorityRequestDocument, { id }, secondAdmin);
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
    const report = await gql(gw.url, MyPrivacyReportDocument, undefined, bearer(await tokenFor(gw, 'USER', { sub: subject.id })));
    const logged = report.body.data!.myPrivacyReport.disclosures.filter((d) => d.reference === caseNumber);
    expect(logged).toEqual([expect.objectContaining({ purpose: 'LEGAL_OBLIGATION', kinds: ['FULL_NAME', 'IIN'], recipient: { kind: 'AUTHORITY', partner: null } })]);
  });

  it('after expiry the authority reads nothing', async () => {
    await gw.services.sql.rows('t_ar_expire', "update authority_requests set expires_at = now() - interval '1 second' where id = $1", [id]);
    const res = await authorityRead(caseNumber);
    expect(res.body.data!.person).toEqual({ id: subject.id, fullName: publicName(), iin: null, phone: null, email: null, passportNumber: null, gender: null, messengers: null });
  });

  it('refuses approval of an expired request, bad input, and callers other than administrators', async () => {
    const short = await record(`AR-${tag}-2`, ['PHONE'], inDays(1));
    const shortId = short.body.data!.recordAuthorityRequest.id;
    await gw.services.sql.rows('t_ar_expire2', "update authority_requests set expires_at = now() - interval '1 second' where id = $1", [shortId]);
    const expired = await gql(gw.url, ApproveAuthorityRequestDocument, { id: shortId }, secondAdmin);
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
    const support = bearer(await tokenFor(gw, 'SUPPORT', { sub: DEMO_STAFF.support.id }));
    expect((await record(`AR-${tag}-5`, ['PHONE'], inDays(7), support)).body.errors![0].extensions!.code).toBe('FORBIDDEN');
    const authority = bearer(await tokenFor(gw, 'AUTHORITY', { sub: DEMO_STAFF.authority.id }));
    expect((await gql(gw.url, ApproveAuthorityRequestDocument, { id: shortId }, authority)).body.errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});
