import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openComplaintTexts, type StoredComplaintTexts } from '../../src/complaints/complaint.codec.js';
import type { RunningGateway } from '../../src/gateway.js';
import { DEMO_STAFF } from '../../seeds/staff.data.js';
import { FileComplaintDocument, MyComplaintsDocument, SetComplaintStatusDocument, StaffComplaintsDocument } from '../generated/operations.js';
import { freshTraveller, type FreshUser } from '../rights/fresh-user.fixtures.js';
import { startTestGateway } from '../support/gateway.js';
import { gql } from '../support/http.js';
import { bearer, tokenFor } from '../support/tokens.js';

let gw: RunningGateway;
let u: FreshUser;
let user: Record<string, string>;
beforeAll(async () => {
  gw = await startTestGateway();
  u = await freshTraveller(gw);
  user = bearer(await tokenFor(gw, 'USER', { sub: u.id }));
});
afterAll(async () => {
  await gw.close();
});

const SHA = 'c0ffee'.padEnd(64, '0');
const scan = { name: 'скан-паспорта.pdf', mimeType: 'application/pdf', sizeBytes: 524_288, sha256: SHA.toUpperCase() };

describe('complaints', () => {
  let id: string;

  it('a traveller files a complaint with document metadata', async () => {
    const res = await gql(gw.url, FileComplaintDocument, { subject: 'Хранение данных', body: 'Прошу объяснить, кому передан мой паспорт', attachments: [scan] }, user);
    expect(res.body.errors).toBeUndefined();
    const c = res.body.data!.fileComplaint;
    expect(c).toMatchObject({ subject: 'Хранение данных', status: 'RECEIVED', attachments: [{ ...scan, sha256: SHA }] });
    id = c.id;
    const [row] = await gw.services.sql.rows<StoredComplaintTexts>(
      't_complaint_row',
      `select c.id, c.user_id as "userId", k.wrapped_key as "wrappedKey",
      c.subject_enc as "subjectEnc", c.body_enc as "bodyEnc", c.attachments_enc as "attachmentsEnc" from complaints c join keyring.user_keys k on k.user_id = c.user_id where c.id = $1`,
      [id],
    );
    expect(row.userId).toBe(u.id);
    // Stored sealed under the author's data key: the texts come back only by opening them with it.
    for (const sealed of [row.subjectEnc, row.bodyEnc, row.attachmentsEnc]) expect(sealed).toMatch(/^v1\.dk\./);
    expect(openComplaintTexts(gw.services.vault, row)).toEqual({
      subject: 'Хранение данных',
      body: 'Прошу объяснить, кому передан мой паспорт',
      attachments: [{ ...scan, sha256: SHA }],
    });
  });

  it.each([
    ['a bad hash', { sha256: 'xyz' }, 'attachments[0].sha256'],
    ['an oversized file', { sizeBytes: 10 * 1024 * 1024 + 1 }, 'attachments[0].sizeBytes'],
    ['an empty file', { sizeBytes: 0 }, 'attachments[0].sizeBytes'],
    ['an executable', { mimeType: 'application/x-msdownload' }, 'attachments[0].mimeType'],
    ['a path in the name', { name: '../../etc/passwd' }, 'attachments[0].name'],
  ])('refuses %s, naming the field', async (_what, change, field) => {
    const res = await gql(gw.url, FileComplaintDocument, { subject: 's', body: 'b', attachments: [{ ...scan, ...change }] }, user);
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('refuses too many attachments, too large in total, and an empty body', async () => {
    const many = await gql(gw.url, FileComplaintDocument, { subject: 's', body: 'b', attachments: Array.from({ length: 11 }, () => scan) }, user);
    expect(many.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'attachments' });
    const big = await gql(
      gw.url,
      FileComplaintDocument,
      { subject: 's', body: 'b', attachments: Array.from({ length: 3 }, () => ({ ...scan, sizeBytes: 9 * 1024 * 1024 })) },
      user,
    );
    expect(big.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'attachments' });
    const empty = await gql(gw.url, FileComplaintDocument, { subject: 's', body: ' ' }, user);
    expect(empty.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
  });

  it('the traveller lists their own complaints only', async () => {
    const mine = await gql(gw.url, MyComplaintsDocument, undefined, user);
    expect(mine.body.data!.myComplaints).toEqual([{ id, subject: 'Хранение данных', status: 'RECEIVED', attachments: [{ name: scan.name }] }]);
    const other = await gql(gw.url, MyComplaintsDocument, undefined, bearer(await tokenFor(gw, 'USER', { sub: (await freshTraveller(gw)).id })));
    expect(other.body.data!.myComplaints).toEqual([]);
  });

  it('support lists complaints by status with the author as the policy allows, and moves them along', async () => {
    const support = bearer(await tokenFor(gw, 'SUPPORT', { sub: DEMO_STAFF.support.id }));
    const listed = await gql(gw.url, StaffComplaintsDocument, { status: 'RECEIVED' }, support);
    expect(listed.body.errors).toBeUndefined();
    const c = listed.body.data!.complaints.nodes.find((x) => x.id === id)!;
    expect(c).toMatchObject({ subject: 'Хранение данных', body: 'Прошу объяснить, кому передан мой паспорт' });
    expect(c.author.id).toBe(u.id);
    // Support without a ticket reference sees masked values only.
    expect(c.author.phone).not.toBe(u.phone);
    expect(c.author.fullName).not.toContain(u.surname);
    const moved = await gql(gw.url, SetComplaintStatusDocument, { id, status: 'IN_REVIEW' }, support);
    expect(moved.body.data!.setComplaintStatus).toEqual({ id, status: 'IN_REVIEW' });
    const received = await gql(gw.url, StaffComplaintsDocument, { status: 'RECEIVED' }, support);
    expect(received.body.data!.complaints.nodes.map((x) => x.id)).not.toContain(id);
    const admin = bearer(await tokenFor(gw, 'ADMIN', { sub: DEMO_STAFF.admin.id }));
    const closed = await gql(gw.url, SetComplaintStatusDocument, { id, status: 'CLOSED' }, admin);
    expect(closed.body.data!.setComplaintStatus.status).toBe('CLOSED');
  });

  it('is closed to travellers and other staff', async () => {
    const asUser = await gql(gw.url, StaffComplaintsDocument, {}, user);
    expect(asUser.body.errors![0].extensions!.code).toBe('FORBIDDEN');
    const analyst = await gql(gw.url, SetComplaintStatusDocument, { id, status: 'CLOSED' }, bearer(await tokenFor(gw, 'ANALYST', { sub: DEMO_STAFF.analyst.id })));
    expect(analyst.body.errors![0].extensions!.code).toBe('FORBIDDEN');
    const staffFiling = await gql(gw.url, FileComplaintDocument, { subject: 's', body: 'b' }, bearer(await tokenFor(gw, 'SUPPORT', { sub: DEMO_STAFF.support.id })));
    expect(staffFiling.body.errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});
