import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Principal } from '../../src/access/principal.js';
import { pseudonymize } from '../../src/privacy/privacy.pseudonym.js';
import { resolveReference } from '../../src/privacy/reference.service.js';
import { DEMO_AUTHORITY_REQUEST } from '../../seeds/references.data.js';
import { DEMO_STAFF } from '../../seeds/staff.data.js';
import {
  ApproveAuthorityRequestDocument,
  AuthorityPersonDocument,
  DisclosureLogDocument,
  ExportMyDataDocument,
  MyAuthorityRequestsDocument,
  MyAuthorityRequestSubjectsDocument,
  MyDisclosuresDocument,
  MyPrivacyReportDocument,
  RecordAuthorityRequestDocument,
} from '../generated/operations.js';
import { freshTraveller, type FreshUser } from '../rights/fresh-user.fixtures.js';
import { openApp, type InProcessApp } from '../support/in-process.js';
import { insertPerson } from '../support/persons.js';
import { principalOf, staff, traveller } from '../support/principals.js';

let app: InProcessApp;
let subject: FreshUser;
let otherAuthorityId: string;
const tag = Math.random().toString(36).slice(2, 8).toUpperCase();
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

beforeAll(async () => {
  app = await openApp();
  subject = await freshTraveller(app);
  otherAuthorityId = await insertPerson(app, { role: 'AUTHORITY', firstName: 'Басқа', surname: 'Органов' });
});
afterAll(async () => {
  await app.close();
});

// An authority account as its token with X-Purpose-Ref would make it.
const authority = (id: string, reference?: string) => principalOf(app, { kind: 'AUTHORITY', accountId: id, reference });

const authorityCaller = (id: string, ref: string): Principal => ({
  kind: 'AUTHORITY',
  id,
  partnerId: null,
  scopes: [],
  purpose: 'LEGAL_OBLIGATION',
  purposeRef: ref,
  tokenId: null,
  clientId: null,
});

/** Recorded by one administrator, approved by the second, as the four-eyes rule demands. */
async function approvedRequest(caseNumber: string, addressedToId: string, confidentialUntil?: string, subjectId = subject.id): Promise<string> {
  const rec = await app.run(await staff(app, 'admin'), RecordAuthorityRequestDocument, {
    agency: 'КНБ РК',
    legalBasis: 'УПК РК ст. 199',
    caseNumber,
    subjectId,
    kinds: ['IIN', 'FULL_NAME'],
    expiresAt: inDays(30),
    addressedToId,
    confidentialUntil,
  });
  expect(rec.body.errors).toBeUndefined();
  const id = rec.body.data!.recordAuthorityRequest.id;
  const ok = await app.run(await staff(app, 'secondAdmin'), ApproveAuthorityRequestDocument, { id });
  expect(ok.body.data!.approveAuthorityRequest.__typename).toBe('AuthorityRequestApproved');
  return id;
}

describe('authority requests are addressed to one authority account', () => {
  it('resolves only for the addressed authority, with the kinds it names', async () => {
    const caseNumber = `AD-${tag}-1`;
    const id = await approvedRequest(caseNumber, DEMO_STAFF.authority.id);
    expect(await resolveReference(app.services.sql, authorityCaller(DEMO_STAFF.authority.id, caseNumber))).toEqual({
      kind: 'AUTHORITY_REQUEST',
      id,
      subjects: new Map([[subject.id, ['FULL_NAME', 'IIN']]]),
    });
    expect(await resolveReference(app.services.sql, authorityCaller(otherAuthorityId, caseNumber))).toBeNull();
    expect(await resolveReference(app.services.sql, authorityCaller(DEMO_STAFF.authority.id, `AD-${tag}-none`))).toBeNull();
  });

  it('an authority lists only the requests addressed to itself', async () => {
    const theirs = await approvedRequest(`AD-${tag}-2`, otherAuthorityId);
    const mine = await app.run(await authority(DEMO_STAFF.authority.id), MyAuthorityRequestsDocument, { first: 100 });
    expect(mine.body.errors).toBeUndefined();
    const list = mine.body.data!.myAuthorityRequests;
    expect(list.every((r) => r.addressedToId === DEMO_STAFF.authority.id)).toBe(true);
    expect(list.map((r) => r.caseNumber)).toEqual(expect.arrayContaining([`AD-${tag}-1`, DEMO_AUTHORITY_REQUEST.caseNumber]));
    expect(list.map((r) => r.id)).not.toContain(theirs);
    const other = await app.run(await authority(otherAuthorityId), MyAuthorityRequestsDocument, {});
    expect(other.body.data!.myAuthorityRequests.map((r) => r.id)).toEqual([theirs]);
    const admin = await app.run(await staff(app, 'admin'), MyAuthorityRequestsDocument, {});
    expect(admin.body.errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it('an authority cannot read under a request addressed to another authority, through person(id) or its request list', async () => {
    const caseNumber = `AD-${tag}-3`;
    await approvedRequest(caseNumber, otherAuthorityId);
    const read = async (authorityId: string, ref?: string) => {
      const res = await app.run(await authority(authorityId, ref), AuthorityPersonDocument, { id: subject.id });
      expect(res.body.errors).toBeUndefined();
      return res.body.data!.person!;
    };
    const none = await read(DEMO_STAFF.authority.id);
    expect(none.iin).toBeNull();
    expect(await read(DEMO_STAFF.authority.id, caseNumber)).toEqual(none);
    expect(await read(otherAuthorityId, caseNumber)).toMatchObject({ iin: subject.iin, fullName: `${subject.firstName} ${subject.patronymic} ${subject.surname}`, phone: null });
    const listed = await app.run(await authority(otherAuthorityId, caseNumber), MyAuthorityRequestSubjectsDocument, { first: 100 });
    const subjects = listed.body.data!.myAuthorityRequests.filter((r) => r.caseNumber === caseNumber).map((r) => r.subject);
    expect(subjects).toEqual([{ id: subject.id, fullName: `${subject.firstName} ${subject.patronymic} ${subject.surname}`, iin: subject.iin, phone: null, passportNumber: null }]);
    const other = listed.body.data!.myAuthorityRequests.find((r) => r.caseNumber === `AD-${tag}-2`)!;
    expect(other.subject.iin).toBeNull();
  });

  it('the demo request is addressed to the demo authority and resolves for it', async () => {
    const r = await resolveReference(app.services.sql, authorityCaller(DEMO_STAFF.authority.id, DEMO_AUTHORITY_REQUEST.caseNumber));
    expect(r).toEqual({ kind: 'AUTHORITY_REQUEST', id: DEMO_AUTHORITY_REQUEST.id, subjects: new Map([[DEMO_AUTHORITY_REQUEST.subjectId, DEMO_AUTHORITY_REQUEST.kinds]]) });
  });
});

describe('confidential authority requests (issue 13.7)', () => {
  const caseNumber = `CF-${tag}-1`;
  let requestId: string;
  // A subject of its own, so that no other request's disclosures are in its log.
  let subject: FreshUser;

  beforeAll(async () => {
    subject = await freshTraveller(app);
    requestId = await approvedRequest(caseNumber, DEMO_STAFF.authority.id, inDays(60), subject.id);
    const read = await app.run(await authority(DEMO_STAFF.authority.id, caseNumber), AuthorityPersonDocument, { id: subject.id });
    expect(read.body.data!.person).toMatchObject({ iin: subject.iin });
  });

  it('the subject sees only that a state body received data under law that day: no case number, no kinds, no time of day', async () => {
    const me = await traveller(app, subject.id);
    const page = (await app.run(me, MyDisclosuresDocument, { first: 10 })).body.data!.me!.disclosures!;
    const log = page.nodes;
    expect(log).toHaveLength(1);
    // The page cursor carries the day as shown, not the moment of the release.
    const [cursorKey] = Buffer.from(page.pageInfo.endCursor!, 'base64url').toString('utf8').split('|');
    expect(cursorKey).toBe(`${(log[0].at as string).slice(0, 23)}000`);
    expect(log[0]).toMatchObject({ recipient: { kind: 'AUTHORITY', partner: null }, purpose: 'LEGAL_OBLIGATION', reference: null, kinds: [], withheld: true });
    const at = new Date(log[0].at as string);
    expect(at.getTime() % 3_600_000).toBe(0);
    expect(Date.now() - at.getTime()).toBeLessThan(86_400_000 + 3_600_000);
    const report = (await app.run(me, MyPrivacyReportDocument)).body.data!.myPrivacyReport.disclosures;
    expect(report).toEqual([expect.objectContaining({ reference: null, kinds: [], withheld: true, purpose: 'LEGAL_OBLIGATION' })]);
    const exported = JSON.stringify((await app.run(me, ExportMyDataDocument)).body);
    expect(exported).toContain('LEGAL_OBLIGATION');
    for (const hidden of [caseNumber, 'КНБ', 'УПК']) expect(exported).not.toContain(hidden);
    expect(JSON.stringify(log)).not.toContain(caseNumber);
  });

  it('auditors see everything', async () => {
    const auditor = await staff(app, 'auditor');
    const subjectPs = pseudonymize(app.services.cfg.pseudonymKey, 'SUBJECT', subject.id);
    const res = await app.run(auditor, DisclosureLogDocument, { first: 10, filter: { subject: subjectPs } });
    expect(res.body.data!.disclosureLog.nodes).toEqual([
      expect.objectContaining({
        reference: caseNumber,
        kinds: ['FULL_NAME', 'IIN'],
        withheld: false,
        recipientId: DEMO_STAFF.authority.id,
        edge: 'AUTHORITY_SUBJECT',
        referenceKind: 'AUTHORITY_REQUEST',
        referenceId: requestId,
      }),
    ]);
  });

  it('once the confidentiality ends the subject sees the case number and the kinds', async () => {
    await app.services.sql.rows('t_cf_end', "update authority_requests set confidential_until = now() - interval '1 second' where id = $1", [requestId]);
    const log = (await app.run(await traveller(app, subject.id), MyDisclosuresDocument, { first: 10 })).body.data!.me!.disclosures!.nodes;
    expect(log).toEqual([expect.objectContaining({ reference: caseNumber, kinds: ['FULL_NAME', 'IIN'], withheld: false })]);
  });
});
