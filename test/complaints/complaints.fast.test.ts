import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openComplaintTexts, type StoredComplaintTexts } from '../../src/complaints/complaint.codec.js';
import type { Principal } from '../../src/access/principal.js';
import { FileComplaintDocument, MyComplaintsDocument, SetComplaintStatusDocument, StaffComplaintsDocument } from '../generated/operations.js';
import { freshTraveller, type FreshUser } from '../rights/fresh-user.fixtures.js';
import { openApp, type InProcessApp } from '../support/in-process.js';
import { staff, traveller } from '../support/principals.js';

let app: InProcessApp;
let u: FreshUser;
let user: Principal;
beforeAll(async () => {
  app = await openApp();
  u = await freshTraveller(app);
  user = await traveller(app, u.id);
});
afterAll(async () => {
  await app.close();
});

const SHA = 'c0ffee'.padEnd(64, '0');
const scan = { name: 'скан-паспорта.pdf', mimeType: 'application/pdf', sizeBytes: 524_288, sha256: SHA.toUpperCase() };

describe('complaints', () => {
  let id: string;

  it('a traveller files a complaint with document metadata', async () => {
    const res = await app.run(user, FileComplaintDocument, { subject: 'Хранение данных', body: 'Прошу объяснить, кому передан мой паспорт', attachments: [scan] });
    expect(res.body.errors).toBeUndefined();
    const c = res.body.data!.fileComplaint;
    expect(c).toMatchObject({ subject: 'Хранение данных', status: 'RECEIVED', attachments: [{ ...scan, sha256: SHA }] });
    id = c.id;
    const [row] = await app.services.sql.rows<StoredComplaintTexts>(
      't_complaint_row',
      `select c.id, c.user_id as "userId", k.wrapped_key as "wrappedKey",
      c.subject_enc as "subjectEnc", c.body_enc as "bodyEnc", c.attachments_enc as "attachmentsEnc" from complaints c join keyring.user_keys k on k.user_id = c.user_id where c.id = $1`,
      [id],
    );
    expect(row.userId).toBe(u.id);
    // Stored sealed under the author's data key: the texts come back only by opening them with it.
    for (const sealed of [row.subjectEnc, row.bodyEnc, row.attachmentsEnc]) expect(sealed).toMatch(/^v1\.dk\./);
    expect(openComplaintTexts(app.services.vault, row)).toEqual({
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
    const res = await app.run(user, FileComplaintDocument, { subject: 's', body: 'b', attachments: [{ ...scan, ...change }] });
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('refuses too many attachments, too large in total, and an empty body', async () => {
    const many = await app.run(user, FileComplaintDocument, { subject: 's', body: 'b', attachments: Array.from({ length: 11 }, () => scan) });
    expect(many.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'attachments' });
    const big = await app.run(user, FileComplaintDocument, {
      subject: 's',
      body: 'b',
      attachments: Array.from({ length: 3 }, () => ({ ...scan, sizeBytes: 9 * 1024 * 1024 })),
    });
    expect(big.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'attachments' });
    const empty = await app.run(user, FileComplaintDocument, { subject: 's', body: ' ' });
    expect(empty.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
  });

  it('the traveller lists their own complaints only', async () => {
    const mine = await app.run(user, MyComplaintsDocument);
    expect(mine.body.data!.myComplaints).toEqual([{ id, subject: 'Хранение данных', status: 'RECEIVED', attachments: [{ name: scan.name }] }]);
    const other = await app.run(await traveller(app, (await freshTraveller(app)).id), MyComplaintsDocument);
    expect(other.body.data!.myComplaints).toEqual([]);
  });

  it('support lists complaints by status with the author as the policy allows, and moves them along', async () => {
    const support = await staff(app, 'support');
    const listed = await app.run(support, StaffComplaintsDocument, { status: 'RECEIVED' });
    expect(listed.body.errors).toBeUndefined();
    const c = listed.body.data!.complaints.nodes.find((x) => x.id === id)!;
    expect(c).toMatchObject({ subject: 'Хранение данных', body: 'Прошу объяснить, кому передан мой паспорт' });
    expect(c.author.id).toBe(u.id);
    // Support without a ticket reference sees masked values only.
    expect(c.author.phone).not.toBe(u.phone);
    expect(c.author.fullName).not.toContain(u.surname);
    const moved = await app.run(support, SetComplaintStatusDocument, { id, status: 'IN_REVIEW' });
    expect(moved.body.data!.setComplaintStatus).toEqual({ id, status: 'IN_REVIEW' });
    const received = await app.run(support, StaffComplaintsDocument, { status: 'RECEIVED' });
    expect(received.body.data!.complaints.nodes.map((x) => x.id)).not.toContain(id);
    const admin = await staff(app, 'admin');
    const closed = await app.run(admin, SetComplaintStatusDocument, { id, status: 'CLOSED' });
    expect(closed.body.data!.setComplaintStatus.status).toBe('CLOSED');
  });

  it('is closed to travellers and other staff', async () => {
    const asUser = await app.run(user, StaffComplaintsDocument, {});
    expect(asUser.body.errors![0].extensions!.code).toBe('FORBIDDEN');
    const analyst = await app.run(await staff(app, 'analyst'), SetComplaintStatusDocument, { id, status: 'CLOSED' });
    expect(analyst.body.errors![0].extensions!.code).toBe('FORBIDDEN');
    const staffFiling = await app.run(await staff(app, 'support'), FileComplaintDocument, { subject: 's', body: 'b' });
    expect(staffFiling.body.errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});
