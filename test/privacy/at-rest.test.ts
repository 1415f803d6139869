import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openComplaintTexts, type StoredComplaintTexts } from '../../src/complaints/complaint.codec.js';
import type { RunningGateway } from '../../src/gateway.js';
import { openReportReason, type StoredReportReason } from '../../src/moderation/content-report.codec.js';
import { openAuthored } from '../../src/privacy/authored-text.codec.js';
import { ticketSubjectSlot } from '../../src/support/support-ticket.codec.js';
import { openPersonalData } from '../../src/users/personal-data.codec.js';
import { COMPLAINTS, REPORT_REASONS } from '../../seeds/texts.data.js';
import { DEMO_TICKETS } from '../../seeds/tickets.data.js';
import { FileComplaintDocument, ReportContentDocument } from '../generated/operations.js';
import { freshTraveller } from '../rights/fresh-user.fixtures.js';
import { startTestGateway } from '../support/gateway.js';
import { gql } from '../support/http.js';
import { bearer, tokenFor } from '../support/tokens.js';

let gw: RunningGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(async () => {
  await gw.close();
});

interface Sealed {
  id: string;
  pii_enc: string;
  wrapped_key: string;
}
const sealedUsers = () =>
  gw.services.sql.rows<Sealed>(
    't_rest_users',
    `select u.id, u.pii_enc, k.wrapped_key from users u
  join keyring.user_keys k on k.user_id = u.id where u.pii_enc is not null order by u.id`,
  );

/** Every text/jsonb/array column of the public and keyring schemas that holds one of the values, as "schema.table.column". */
async function columnsHolding(values: readonly string[]): Promise<string[]> {
  const sql = gw.services.sql;
  const columns = await sql.rows<{ table_schema: string; table_name: string; column_name: string }>(
    't_rest_cols',
    `select table_schema, table_name, column_name
    from information_schema.columns where table_schema in ('public', 'keyring') and data_type in ('text', 'character varying', 'jsonb', 'ARRAY')`,
  );
  expect(columns.map((c) => `${c.table_schema}.${c.table_name}.${c.column_name}`)).toEqual(expect.arrayContaining(['public.users.pii_enc', 'keyring.user_keys.wrapped_key']));
  const found: string[] = [];
  for (const { table_schema: s, table_name: t, column_name: c } of columns) {
    const rows = await sql.rows<{ v: string }>(`t_rest_${s}_${t}_${c}`, `select "${c}"::text as v from "${s}"."${t}" where "${c}" is not null`);
    const blob = rows.map((r) => r.v).join('\n');
    for (const v of values) if (blob.includes(v)) found.push(`${s}.${t}.${c}`);
  }
  return found;
}

describe('personal values at rest', () => {
  it('never appear in any plain column of any table, in any schema', async () => {
    const users = await sealedUsers();
    expect(users.length).toBeGreaterThan(100);
    const secrets = users.flatMap((u) => {
      const d = openPersonalData(gw.services.vault, u.id, u.wrapped_key, u.pii_enc);
      return [d.phone, d.email, d.iin, d.passport, d.messengers?.telegram, d.messengers?.whatsapp, d.firstName && d.surname && `${d.firstName} ${d.surname}`].filter(
        (v): v is string => typeof v === 'string',
      );
    });
    expect(secrets.length).toBeGreaterThan(users.length * 3);
    expect(await columnsHolding(secrets)).toEqual([]);
  });

  it('are bound to their row: a sealed value or a data key copied to another user does not open', async () => {
    const [a, b] = await sealedUsers();
    const { vault } = gw.services;
    expect(openPersonalData(vault, a.id, a.wrapped_key, a.pii_enc).phone).toMatch(/^\+7\d{10}$/);
    expect(() => openPersonalData(vault, b.id, b.wrapped_key, a.pii_enc)).toThrow();
    expect(() => openPersonalData(vault, b.id, a.wrapped_key, a.pii_enc)).toThrow();
  });

  it('each user has a key of their own', async () => {
    const [{ users, keys }] = await gw.services.sql.rows<{ users: number; keys: number }>(
      't_rest_keys',
      `select
      (select count(*)::int from users where pii_enc is not null) as users, count(distinct k.wrapped_key)::int as keys
      from keyring.user_keys k join users u on u.id = k.user_id where u.pii_enc is not null`,
    );
    expect(keys).toBe(users);
  });
});

type Complaint = StoredComplaintTexts;
type Report = StoredReportReason;
interface Ticket {
  id: string;
  userId: string;
  wrappedKey: string;
  subjectEnc: string;
}

// Every complaint, report and ticket whose author still has a key, in one statement each, with that key.
const storedComplaints = () =>
  gw.services.sql.rows<Complaint>(
    't_rest_complaints',
    `select c.id, c.user_id as "userId", k.wrapped_key as "wrappedKey",
  c.subject_enc as "subjectEnc", c.body_enc as "bodyEnc", c.attachments_enc as "attachmentsEnc" from complaints c join keyring.user_keys k on k.user_id = c.user_id`,
  );
const storedReports = () =>
  gw.services.sql.rows<Report>(
    't_rest_reports',
    `select c.id, c.reporter_id as "reporterId", k.wrapped_key as "wrappedKey",
  c.reason_enc as "reasonEnc" from content_reports c join keyring.user_keys k on k.user_id = c.reporter_id`,
  );
const storedTickets = () =>
  gw.services.sql.rows<Ticket>(
    't_rest_tickets',
    `select t.id, t.user_id as "userId", k.wrapped_key as "wrappedKey",
  t.subject_enc as "subjectEnc" from support_tickets t join keyring.user_keys k on k.user_id = t.user_id`,
  );

describe('texts users write (complaints, reports, tickets) at rest', () => {
  // The seeded texts, and a complaint and a report filed here through the API with texts found nowhere else.
  let written: string[];
  let filed: { complaintId: string; reportId: string };

  beforeAll(async () => {
    const u = await freshTraveller(gw);
    const token = bearer(await tokenFor(gw, 'USER', { sub: u.id }));
    const mine = { subject: `Rest subject ${u.surname}`, body: `Rest body ${u.surname}`, file: `rest-${u.surname}.pdf`, reason: `Rest reason ${u.surname}` };
    const complaint = await gql(
      gw.url,
      FileComplaintDocument,
      { subject: mine.subject, body: mine.body, attachments: [{ name: mine.file, mimeType: 'application/pdf', sizeBytes: 2048, sha256: 'b'.repeat(64) }] },
      token,
    );
    expect(complaint.body.errors).toBeUndefined();
    const [review] = await gw.services.sql.rows<{ id: string }>('t_rest_review', "select id from reviews where moderation_status = 'PUBLISHED' order by id desc limit 1");
    const report = await gql(gw.url, ReportContentDocument, { reviewId: review.id, reason: mine.reason }, token);
    expect(report.body.errors).toBeUndefined();
    filed = { complaintId: complaint.body.data!.fileComplaint.id, reportId: report.body.data!.reportContent.id };
    written = [...COMPLAINTS.flatMap((c) => [c.subject, c.body]), 'zayavlenie.pdf', ...REPORT_REASONS, ...DEMO_TICKETS.map((t) => t.subject), ...Object.values(mine)];
  });

  it("are sealed: each opens from its row with its author's key", async () => {
    const { vault } = gw.services;
    const opened = [
      ...(await storedComplaints()).flatMap((c) => {
        const t = openComplaintTexts(vault, c);
        return [t.subject, t.body, ...t.attachments.map((a) => a.name)];
      }),
      ...(await storedReports()).map((r) => openReportReason(vault, r)),
      ...(await storedTickets()).map((t) => openAuthored(vault, t.userId, t.wrappedKey, ticketSubjectSlot(t.id), t.subjectEnc)),
    ];
    expect(written.filter((w) => !opened.includes(w))).toEqual([]);
  });

  it('never appear in clear in any column of any table, in any schema', async () => {
    expect(await columnsHolding(written)).toEqual([]);
  });

  it('are bound to their row, column and author: a sealed text moved elsewhere does not open', async () => {
    const { vault } = gw.services;
    const complaints = await storedComplaints();
    const mine = complaints.find((c) => c.id === filed.complaintId)!;
    const other = complaints.find((c) => c.id !== mine.id && c.userId !== mine.userId)!;
    expect(openComplaintTexts(vault, mine).subject).toMatch(/^Rest subject /);
    expect(() => openComplaintTexts(vault, { ...mine, bodyEnc: mine.subjectEnc })).toThrow();
    expect(() => openComplaintTexts(vault, { ...other, subjectEnc: mine.subjectEnc })).toThrow();
    expect(() => openComplaintTexts(vault, { ...mine, id: other.id })).toThrow();
    const report = (await storedReports()).find((r) => r.id === filed.reportId)!;
    expect(() => openReportReason(vault, { ...report, id: other.id })).toThrow();
    const [ticket] = await storedTickets();
    expect(() => openAuthored(vault, ticket.userId, ticket.wrappedKey, ticketSubjectSlot(ticket.id), report.reasonEnc)).toThrow();
  });
});
