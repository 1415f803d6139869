import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { MikroORM } from '@mikro-orm/postgresql';
import { openComplaintTexts, type StoredComplaintTexts } from '../../src/complaints/complaint.codec.js';
import { loadConfig } from '../../src/config/config.js';
import { migrateDatabase } from '../../src/app/database.js';
import { BEFORE_PLAIN_TEXT_DROP } from '../../src/migrations/index.js';
import { openReportReason, type StoredReportReason } from '../../src/moderation/content-report.codec.js';
import { ERASED_TEXT, openAuthored } from '../../src/privacy/authored-text.codec.js';
import { createPiiVault } from '../../src/privacy/pii-vault.js';
import { ticketSubjectSlot } from '../../src/support/support-ticket.codec.js';
import { newPersonalRecord, NO_PERSONAL_DATA } from '../../src/users/personal-data.codec.js';
import { scratchDatabaseBefore, type ScratchDatabase } from '../support/scratch-db.js';

// A database of its own on the test server, migrated only up to the schema that kept complaint, report and ticket texts in plain columns.
const cfg = loadConfig({ ...process.env, NODE_ENV: 'test' });
const name = `qaz_texts_backfill_${process.pid}`;
const REMOVED = '[removed on account deletion]';
const vault = createPiiVault(cfg);
let db: ScratchDatabase;
let orm: MikroORM;

// A traveller with a data key; one with none (no personal value was ever sealed for them); one erased before texts were sealed.
const author = randomUUID();
const keyless = randomUUID();
const erased = randomUUID();
const attachments = [{ name: 'Legacy-Sadykova-passport.pdf', mimeType: 'application/pdf', sizeBytes: 1000, sha256: 'c'.repeat(64) }];
const ids = {
  complaint: randomUUID(),
  erasedComplaint: randomUUID(),
  report: randomUUID(),
  keylessReport: randomUUID(),
  erasedReport: randomUUID(),
  ticket: randomUUID(),
  keylessTicket: randomUUID(),
};
const texts = {
  subject: 'About Sadykova',
  body: 'My e-mail sadykova@legacy.kz was shared',
  reason: 'Insults me, Dana',
  keylessReason: 'Spam from +77015550101',
  ticket: 'Call me at +77015550100',
  keylessTicket: 'Lost my login',
};

beforeAll(async () => {
  db = await scratchDatabaseBefore(cfg.databaseUrl!, name, BEFORE_PLAIN_TEXT_DROP);
  orm = db.orm;
  const { wrappedKey, sealed } = newPersonalRecord(vault, author, { ...NO_PERSONAL_DATA, surname: 'Sadykova' });
  const conn = orm.em.getConnection();
  await conn.execute(`insert into users (id, pii_enc, status) values (?, ?, 'ACTIVE'), (?, null, 'ACTIVE'), (?, null, 'DELETED')`, [author, sealed.piiEnc, keyless, erased]);
  await conn.execute('insert into keyring.user_keys (user_id, wrapped_key) values (?, ?)', [author, wrappedKey]);
  const [review] = await conn.execute<{ id: string }[]>(
    `with p as (insert into partners (id, name, kind, country, city) values (gen_random_uuid(), 'Legacy Tours', 'TOUR_OPERATOR', 'KZ', 'Almaty') returning id),
      t as (insert into tours (id, partner_id, title, region, starts_on, ends_on, price_kzt, capacity) select gen_random_uuid(), p.id, 'Charyn', 'Almaty', '2026-05-01', '2026-05-02', 20000, 10 from p returning id)
    insert into reviews (id, author_id, tour_id, rating, text) select gen_random_uuid(), ?, t.id, 2, 'Late' from t returning id`,
    [erased],
  );
  await conn.execute(`insert into complaints (id, user_id, subject, body, attachments) values (?, ?, ?, ?, ?::jsonb), (?, ?, ?, ?, '[]'::jsonb)`, [
    ids.complaint,
    author,
    texts.subject,
    texts.body,
    JSON.stringify(attachments),
    ids.erasedComplaint,
    erased,
    REMOVED,
    REMOVED,
  ]);
  await conn.execute(`insert into content_reports (id, review_id, reporter_id, reason) values (?, ?, ?, ?), (?, ?, ?, ?), (?, ?, null, ?)`, [
    ids.report,
    review.id,
    author,
    texts.reason,
    ids.keylessReport,
    review.id,
    keyless,
    texts.keylessReason,
    ids.erasedReport,
    review.id,
    REMOVED,
  ]);
  await conn.execute(`insert into support_tickets (id, reference, user_id, subject) values (?, 'SUP-L1', ?, ?), (?, 'SUP-L2', ?, ?)`, [
    ids.ticket,
    author,
    texts.ticket,
    ids.keylessTicket,
    keyless,
    texts.keylessTicket,
  ]);
});

afterAll(async () => {
  await db.drop();
});

describe('migrating complaint, report and ticket texts written before they were sealed', () => {
  it('refuses to drop the plain columns while they hold texts that were not sealed, and loses nothing', async () => {
    await expect(orm.migrator.up()).rejects.toThrow(/not sealed/);
    const [row] = await orm.em.getConnection().execute<{ body: string }[]>('select body from complaints where id = ?', [ids.complaint]);
    expect(row.body).toBe(texts.body);
  });

  it("seals every live author's texts under their key (a new one if they had none), then drops the plain columns", async () => {
    await migrateDatabase(orm, cfg);
    expect(await orm.migrator.getPending()).toEqual([]);
    const conn = orm.em.getConnection();
    const columns = await conn.execute<{ c: string }[]>(`select table_name || '.' || column_name as c from information_schema.columns
      where table_schema = 'public' and table_name in ('complaints', 'content_reports', 'support_tickets')`);
    expect(columns.map((r) => r.c)).toEqual(
      expect.arrayContaining(['complaints.subject_enc', 'complaints.body_enc', 'complaints.attachments_enc', 'content_reports.reason_enc', 'support_tickets.subject_enc']),
    );
    for (const gone of ['complaints.subject', 'complaints.body', 'complaints.attachments', 'content_reports.reason', 'support_tickets.subject']) {
      expect(columns.map((r) => r.c)).not.toContain(gone);
    }

    const complaints = await conn.execute<StoredComplaintTexts[]>(
      `select c.id, c.user_id as "userId", k.wrapped_key as "wrappedKey", c.subject_enc as "subjectEnc",
      c.body_enc as "bodyEnc", c.attachments_enc as "attachmentsEnc" from complaints c left join keyring.user_keys k on k.user_id = c.user_id order by c.id = ? desc`,
      [ids.complaint],
    );
    expect(complaints.map((c) => openComplaintTexts(vault, c))).toEqual([
      { subject: texts.subject, body: texts.body, attachments },
      { subject: ERASED_TEXT, body: ERASED_TEXT, attachments: [] },
    ]);
    const reports = await conn.execute<StoredReportReason[]>(`select c.id, c.reporter_id as "reporterId", k.wrapped_key as "wrappedKey", c.reason_enc as "reasonEnc"
      from content_reports c left join keyring.user_keys k on k.user_id = c.reporter_id`);
    expect(Object.fromEntries(reports.map((r) => [r.id, openReportReason(vault, r)]))).toEqual({
      [ids.report]: texts.reason,
      [ids.keylessReport]: texts.keylessReason,
      [ids.erasedReport]: ERASED_TEXT,
    });
    const tickets = await conn.execute<{ id: string; user_id: string; wrapped_key: string; subject_enc: string }[]>(`select t.id, t.user_id, k.wrapped_key, t.subject_enc
      from support_tickets t join keyring.user_keys k on k.user_id = t.user_id`);
    expect(Object.fromEntries(tickets.map((t) => [t.id, openAuthored(vault, t.user_id, t.wrapped_key, ticketSubjectSlot(t.id), t.subject_enc)]))).toEqual({
      [ids.ticket]: texts.ticket,
      [ids.keylessTicket]: texts.keylessTicket,
    });

    const owners = await conn.execute<{ user_id: string }[]>('select user_id from keyring.user_keys');
    expect(owners.map((k) => k.user_id).sort()).toEqual([author, keyless].sort());
    const dump = (
      await conn.execute<{ t: string }[]>(`select c::text as t from complaints c union all select r::text from content_reports r
      union all select s::text from support_tickets s`)
    )
      .map((r) => r.t)
      .join('\n');
    for (const v of [...Object.values(texts), attachments[0].name, REMOVED]) expect(dump).not.toContain(v);
  });

  it('is a no-op once applied', async () => {
    const snapshot = () =>
      orm.em.getConnection().execute(`select id::text, subject_enc as v from complaints union all select id::text, reason_enc from content_reports
      union all select id::text, subject_enc from support_tickets order by 1`);
    const before = await snapshot();
    await migrateDatabase(orm, cfg);
    expect(await snapshot()).toEqual(before);
  });
});
