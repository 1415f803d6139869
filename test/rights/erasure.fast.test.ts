import { randomUUID, type KeyObject } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { complaintSlot } from '../../src/complaints/complaint.codec.js';
import type { Principal } from '../../src/access/principal.js';
import { reportReasonSlot } from '../../src/moderation/content-report.codec.js';
import { ERASED_TEXT } from '../../src/privacy/authored-text.codec.js';
import { runPurge } from '../../src/rights/purge.job.js';
import { sealTicketSubject, ticketSubjectSlot } from '../../src/support/support-ticket.codec.js';
import { openPersonalData } from '../../src/users/personal-data.codec.js';
import { DEMO_STAFF } from '../../seeds/staff.data.js';
import {
  BookingTravellerDocument,
  DeleteMyAccountDocument,
  FileComplaintDocument,
  ModerationQueueDocument,
  RemoveAccountDocument,
  ReportContentDocument,
  StaffComplaintsDocument,
  TourReviewAuthorsDocument,
  type ModerationQueueQuery,
} from '../generated/operations.js';
import { openApp, type InProcessApp, type RunResult } from '../support/in-process.js';
import { anonymous, client, staff, traveller } from '../support/principals.js';
import { freshTraveller, grantConsents, paidUpcomingBooking, publishedReview, type FreshUser, type PaidBooking } from './fresh-user.fixtures.js';

let app: InProcessApp;
beforeAll(async () => {
  app = await openApp();
});
afterAll(async () => {
  await app.close();
});

const one = async <T>(name: string, text: string, params: unknown[]) => (await app.services.sql.rows<T>(name, text, params))[0];

interface SealedRow {
  id: string;
  pii_enc: string;
  wrapped_key: string;
}

/** Every column of every table, searched for each value, and every sealed record whose key still exists, opened; "table.column: value" per hit. */
async function findAnywhere(values: string[]): Promise<string[]> {
  const cols = await app.services.sql.rows<{ s: string; t: string; c: string }>(
    't_all_columns',
    `select c.table_schema as s, c.table_name as t, c.column_name as c
    from information_schema.columns c join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema in ('public', 'keyring') and t.table_type = 'BASE TABLE' order by 1, 2, 3`,
  );
  expect(cols.length).toBeGreaterThan(100);
  const hits: string[] = [];
  for (const { s, t, c } of cols) {
    const found = await app.services.sql.rows<{ v: string }>(
      `t_scan_${s}_${t}_${c}`,
      `select v from unnest($1::text[]) v
      where exists(select 1 from "${s}"."${t}" x where strpos(lower(x."${c}"::text), lower(v)) > 0)`,
      [values],
    );
    hits.push(...found.map((f) => `${t}.${c}: ${f.v}`));
  }
  const sealed = await app.services.sql.rows<SealedRow>(
    't_scan_sealed',
    `select u.id, u.pii_enc, k.wrapped_key from users u
    join keyring.user_keys k on k.user_id = u.id where u.pii_enc is not null`,
  );
  const opened = sealed.map((r) => JSON.stringify(openPersonalData(app.services.vault, r.id, r.wrapped_key, r.pii_enc)).toLowerCase()).join('\n');
  hits.push(...values.filter((v) => opened.includes(v.toLowerCase())).map((v) => `users.pii_enc (opened): ${v}`));
  return hits;
}

/** A complaint, report and ticket as a backup holds them: sealed texts, each with the slot it was sealed for. */
interface TextsBackup {
  complaintId: string;
  reportId: string;
  ticketId: string;
  sealed: { slot: string; value: string }[];
}

async function backupOfTexts(ids: Omit<TextsBackup, 'sealed'>): Promise<TextsBackup> {
  const c = await one<{ subject_enc: string; body_enc: string; attachments_enc: string }>(
    't_backup_complaint',
    'select subject_enc, body_enc, attachments_enc from complaints where id = $1',
    [ids.complaintId],
  );
  const r = await one<{ reason_enc: string }>('t_backup_report', 'select reason_enc from content_reports where id = $1', [ids.reportId]);
  const t = await one<{ subject_enc: string }>('t_backup_ticket', 'select subject_enc from support_tickets where id = $1', [ids.ticketId]);
  return {
    ...ids,
    sealed: [
      { slot: complaintSlot(ids.complaintId, 'subject'), value: c.subject_enc },
      { slot: complaintSlot(ids.complaintId, 'body'), value: c.body_enc },
      { slot: complaintSlot(ids.complaintId, 'attachments'), value: c.attachments_enc },
      { slot: reportReasonSlot(ids.reportId), value: r.reason_enc },
      { slot: ticketSubjectSlot(ids.ticketId), value: t.subject_enc },
    ],
  };
}

/** The open reports of the moderation queue, every page. */
async function moderationQueue(moderator: Principal): Promise<{ reportId: string; reason: string }[]> {
  const items: { reportId: string; reason: string }[] = [];
  let after: string | null = null;
  for (;;) {
    const res: RunResult<ModerationQueueQuery> = await app.run(moderator, ModerationQueueDocument, { first: 50, after });
    expect(res.body.errors).toBeUndefined();
    items.push(...res.body.data!.moderationQueue.nodes);
    if (!res.body.data!.moderationQueue.pageInfo.hasNextPage) return items;
    after = res.body.data!.moderationQueue.pageInfo.endCursor;
  }
}

const personalValues = (u: FreshUser) => [u.phone, u.phone.slice(1), u.surname, u.firstName, u.patronymic, u.email, u.iin, u.passport, u.telegram, u.whatsapp];

describe('deleteMyAccount: erasure with a paid upcoming booking under a legal hold', () => {
  let u: FreshUser;
  let booking: PaidBooking;
  let review: { reviewId: string; tourId: string };
  let me: Principal;
  let first: { deletedAt: string; heldBookings: number; heldPayments: number; heldUntil: string | null };
  let backup: SealedRow;
  let texts: TextsBackup;

  beforeAll(async () => {
    u = await freshTraveller(app);
    await grantConsents(app, u.id, ['TOUR_BOOKING', 'COMMUNICATION']);
    booking = await paidUpcomingBooking(app, u.id);
    review = await publishedReview(app, u.id, 'Прекрасный маршрут, гид внимательный');
    me = await traveller(app, u.id);
    await app.services.sql.rows(
      't_fresh_session',
      "insert into sessions (id, user_id, refresh_hash, expires_at) values (gen_random_uuid(), $1, 'h-' || gen_random_uuid(), now() + interval '1 day')",
      [u.id],
    );
    // No API writes tickets: this one is sealed under the user's key the way the seed writes them.
    const ticketId = randomUUID();
    const { wrapped_key: wrapped } = await one<{ wrapped_key: string }>('t_fresh_key', 'select wrapped_key from keyring.user_keys where user_id = $1', [u.id]);
    const ticketSubject = sealTicketSubject(app.services.vault, app.services.vault.subjectKey(u.id, wrapped), u.id, ticketId, `Call me at ${u.phone}`);
    await app.services.sql.rows(
      't_fresh_ticket',
      "insert into support_tickets (id, reference, user_id, subject_enc) values ($1, 'ERASE-' || substr(md5(random()::text), 1, 8), $2, $3)",
      [ticketId, u.id, ticketSubject],
    );
    const complaint = await app.run(me, FileComplaintDocument, {
      subject: `About ${u.surname}`,
      body: `My e-mail ${u.email} was shared`,
      attachments: [{ name: `${u.surname}-passport.pdf`, mimeType: 'application/pdf', sizeBytes: 1000, sha256: 'a'.repeat(64) }],
    });
    expect(complaint.body.errors).toBeUndefined();
    const [other] = await app.services.sql.rows<{ id: string }>(
      't_other_review',
      "select id from reviews where author_id <> $1 and moderation_status = 'PUBLISHED' order by id limit 1",
      [u.id],
    );
    const report = await app.run(me, ReportContentDocument, { reviewId: other.id, reason: `Insults me, ${u.firstName}` });
    expect(report.body.errors).toBeUndefined();
    // A disclosure to the tour's partner through the booking, so the log holds a row about this person.
    const read = await app.run(await client(app, 'PARTNER', booking.partnerId), BookingTravellerDocument, { id: booking.bookingId });
    expect(read.body.data!.booking!.traveller.iin).toBe(u.iin);

    // What a backup taken now would hold of this user: the sealed rows and, if the keyring is backed up too, the wrapped key.
    backup = await one<SealedRow>('t_backup', 'select u.id, u.pii_enc, k.wrapped_key from users u join keyring.user_keys k on k.user_id = u.id where u.id = $1', [u.id]);
    texts = await backupOfTexts({ complaintId: complaint.body.data!.fileComplaint.id, reportId: report.body.data!.reportContent.id, ticketId });
    const res = await app.run(me, DeleteMyAccountDocument);
    expect(res.body.errors).toBeUndefined();
    first = res.body.data!.deleteMyAccount as typeof first;
  });

  it('shreds the data key: a backup of the row taken before erasure no longer opens with any key the database holds', async () => {
    const { vault } = app.services;
    // The control: with the key it had then, the backup opens, so it is the key's deletion that makes it unreadable.
    expect(openPersonalData(vault, u.id, backup.wrapped_key, backup.pii_enc)).toMatchObject({ surname: u.surname, iin: u.iin, phone: u.phone });
    const keys = await app.services.sql.rows<{ user_id: string; wrapped_key: string }>('t_all_keys', 'select user_id, wrapped_key from keyring.user_keys');
    expect(keys.length).toBeGreaterThan(100);
    expect(keys.filter((k) => k.user_id === u.id)).toEqual([]);
    const opened = keys.filter((k) => {
      try {
        openPersonalData(vault, u.id, k.wrapped_key, backup.pii_enc);
        return true;
      } catch {
        return false;
      }
    });
    expect(opened).toEqual([]);
  });

  it('shreds the texts the user wrote: a backup of their complaint, report and ticket taken before erasure no longer opens with any key the database holds', async () => {
    const { vault } = app.services;
    const openAll = (key: KeyObject) => texts.sealed.map((s) => vault.open(key, u.id, s.slot, s.value));
    // The control: with the key it had then, the backup opens to the surname, e-mail, first name and phone written into it.
    expect(openAll(vault.subjectKey(u.id, backup.wrapped_key))).toEqual([
      `About ${u.surname}`,
      `My e-mail ${u.email} was shared`,
      expect.stringContaining(`"${u.surname}-passport.pdf"`),
      `Insults me, ${u.firstName}`,
      `Call me at ${u.phone}`,
    ]);
    const keys = await app.services.sql.rows<{ user_id: string; wrapped_key: string }>('t_all_keys', 'select user_id, wrapped_key from keyring.user_keys');
    expect(keys.length).toBeGreaterThan(100);
    expect(keys.filter((k) => k.user_id === u.id)).toEqual([]);
    // Each key unwrapped as its owner's, then tried on every sealed text: none opens any.
    const opened = keys.filter((k) =>
      texts.sealed.some((s) => {
        try {
          vault.open(vault.subjectKey(k.user_id, k.wrapped_key), u.id, s.slot, s.value);
          return true;
        } catch {
          return false;
        }
      }),
    );
    expect(opened).toEqual([]);
  });

  it('the purge replays the erasure over a keyring restored from a backup taken before it', async () => {
    await app.services.sql.rows('t_restore_key', 'insert into keyring.user_keys (user_id, wrapped_key) values ($1, $2)', [u.id, backup.wrapped_key]);
    const r = await runPurge(app.services.orm.em.fork());
    expect(r.erasedKeys).toBeGreaterThanOrEqual(1);
    const left = await one<{ n: number }>('t_restored_key_left', 'select count(*)::int as n from keyring.user_keys where user_id = $1', [u.id]);
    expect(left.n).toBe(0);
  });

  it('reports what was kept: the booking and its payment, held for five years', () => {
    expect(first.heldBookings).toBe(1);
    expect(first.heldPayments).toBe(1);
    const until = new Date();
    until.setUTCFullYear(until.getUTCFullYear() + 5);
    expect(Math.abs(new Date(first.heldUntil!).getTime() - until.getTime())).toBeLessThan(2 * 86_400_000);
  });

  it('destroys every personal field of the account row and marks it deleted', async () => {
    const row = await one<Record<string, unknown>>('t_erased_row', 'select * from users where id = $1', [u.id]);
    for (const col of ['pii_enc', 'phone_bidx', 'iin_bidx', 'passport_bidx', 'gender']) expect(row[col]).toBeNull();
    const keys = await one<{ n: number }>('t_erased_key', 'select count(*)::int as n from keyring.user_keys where user_id = $1', [u.id]);
    expect(keys.n).toBe(0);
    expect(row.status).toBe('DELETED');
    expect(row.deleted_at).toBeInstanceOf(Date);
  });

  it('withdraws every consent with proof, revokes sessions, depersonalises complaints, reports and tickets', async () => {
    const s = await one<Record<string, number>>(
      't_erased_state',
      `select
      (select count(*)::int from consents where user_id = $1 and granted) as granted,
      (select count(*)::int from consent_events where user_id = $1 and action = 'WITHDRAWN') as withdrawn,
      (select count(*)::int from sessions where user_id = $1 and revoked_at is null) as live_sessions,
      (select count(*)::int from complaints where user_id = $1 and coalesce(subject_enc, body_enc, attachments_enc) is null) as complaints_emptied,
      (select count(*)::int from content_reports where reporter_id = $1) as reports_linked,
      (select count(*)::int from content_reports where id = $2 and reporter_id is null and reason_enc is null) as reports_emptied,
      (select count(*)::int from support_tickets where user_id = $1 and status = 'CLOSED' and subject_enc is null) as tickets_closed`,
      [u.id, texts.reportId],
    );
    expect(s).toEqual({ granted: 0, withdrawn: 2, live_sessions: 0, complaints_emptied: 1, reports_linked: 0, reports_emptied: 1, tickets_closed: 1 });
  });

  it('keeps the booking and payment tied only to the empty row, under a legal_holds row', async () => {
    const held = await one<{ user_id: string; status: string; payment: string; reason: string; years: number }>(
      't_held',
      `select b.user_id, b.status, p.id as payment, h.reason,
        extract(year from age(h.until, current_date))::int as years
      from bookings b join payments p on p.booking_id = b.id join legal_holds h on h.user_id = b.user_id where b.id = $1`,
      [booking.bookingId],
    );
    expect(held).toEqual({ user_id: u.id, status: 'PAID', payment: booking.paymentId, reason: expect.stringContaining('Tax Code'), years: 5 });
    const proof = await one<{ actor_kind: string; actor_id: string }>('t_erasure_proof', 'select actor_kind, actor_id from account_erasures where user_id = $1', [u.id]);
    expect(proof).toEqual({ actor_kind: 'USER', actor_id: u.id });
  });

  it('shows the review as by a deleted user: its rating stays, its text and its link to the author are gone', async () => {
    const { body } = await app.run(anonymous, TourReviewAuthorsDocument, { id: review.tourId });
    const r = body.data!.tour!.reviews.find((x) => x.id === review.reviewId);
    expect(r).toEqual({ id: review.reviewId, text: ERASED_TEXT, author: null });
    const stored = await one<{ author_id: string | null; rating: number }>('t_erased_review', 'select author_id, rating from reviews where id = $1', [review.reviewId]);
    expect(stored).toEqual({ author_id: null, rating: 4 });
  });

  it('a repeated erasure (the administrator path) changes nothing and returns the same outcome', async () => {
    const res = await app.run(await staff(app, 'admin'), RemoveAccountDocument, { userId: u.id, reason: 'duplicate request' });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.removeAccount).toEqual(first);
    const holds = await one<{ n: number }>('t_hold_count', 'select count(*)::int as n from legal_holds where user_id = $1', [u.id]);
    expect(holds.n).toBe(1);
  });

  it('leaves none of the former personal values in any column of any table', async () => {
    expect(await findAnywhere(personalValues(u))).toEqual([]);
  });

  it('the search does find the values of a live account (the check can fail)', async () => {
    const live = await freshTraveller(app);
    const hits = await findAnywhere(personalValues(live));
    expect(hits).toEqual(
      expect.arrayContaining([
        `users.pii_enc (opened): ${live.phone}`,
        `users.pii_enc (opened): ${live.surname}`,
        `users.pii_enc (opened): ${live.email}`,
        `users.pii_enc (opened): ${live.telegram}`,
        `users.pii_enc (opened): ${live.iin}`,
      ]),
    );
  });

  it('the purge job deletes held transactions once the hold ends, and keeps the empty account row', async () => {
    await app.services.sql.rows('t_end_hold', 'update legal_holds set until = current_date - 1 where user_id = $1', [u.id]);
    const r = await runPurge(app.services.orm.em.fork());
    expect(r).toMatchObject({ holds: 1, bookings: 1, payments: 1 });
    const left = await one<Record<string, number>>(
      't_after_purge',
      `select (select count(*)::int from bookings where user_id = $1) as bookings,
      (select count(*)::int from payments where id = $2) as payments, (select count(*)::int from legal_holds where user_id = $1) as holds,
      (select count(*)::int from users where id = $1) as users, (select count(*)::int from reviews where id = $3) as reviews`,
      [u.id, booking.paymentId, review.reviewId],
    );
    expect(left).toEqual({ bookings: 0, payments: 0, holds: 0, users: 1, reviews: 1 });
    expect(await runPurge(app.services.orm.em.fork())).toMatchObject({ holds: 0, bookings: 0, payments: 0 });
  });

  it("staff read the erased author's complaint and report as the placeholder, also once a backup of the rows is restored over them", async () => {
    const support = await staff(app, 'support');
    const moderator = await staff(app, 'moderator');
    const read = async () => {
      const listed = await app.run(support, StaffComplaintsDocument, { status: 'RECEIVED' });
      expect(listed.body.errors).toBeUndefined();
      const complaint = listed.body.data!.complaints.nodes.find((c) => c.id === texts.complaintId);
      const report = (await moderationQueue(moderator)).find((r) => r.reportId === texts.reportId);
      return { subject: complaint?.subject, body: complaint?.body, reason: report?.reason };
    };
    const placeholders = { subject: ERASED_TEXT, body: ERASED_TEXT, reason: ERASED_TEXT };
    expect(await read()).toEqual(placeholders);
    // A restore of the two tables from the backup brings the ciphertext (and the reporter) back, not the key.
    const [subject, body, attachments, reason] = texts.sealed.map((s) => s.value);
    await app.services.sql.rows('t_restore_complaint', 'update complaints set subject_enc = $2, body_enc = $3, attachments_enc = $4 where id = $1', [
      texts.complaintId,
      subject,
      body,
      attachments,
    ]);
    await app.services.sql.rows('t_restore_report', 'update content_reports set reporter_id = $2, reason_enc = $3 where id = $1', [texts.reportId, u.id, reason]);
    expect(await read()).toEqual(placeholders);
  });
});

describe("removeAccount: administrators erase a violator's account", () => {
  it('erases with the reason recorded; travellers and non-travellers are refused', async () => {
    const v = await freshTraveller(app);
    const admin = await staff(app, 'admin');
    const asUser = await app.run(await traveller(app, v.id), RemoveAccountDocument, { userId: v.id, reason: 'spam' });
    expect(asUser.body.errors![0].extensions!.code).toBe('FORBIDDEN');
    const ofStaff = await app.run(admin, RemoveAccountDocument, { userId: DEMO_STAFF.support.id, reason: 'spam' });
    expect(ofStaff.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const res = await app.run(admin, RemoveAccountDocument, { userId: v.id, reason: 'Repeated insults in reviews (terms §5)' });
    expect(res.body.data!.removeAccount).toMatchObject({ heldBookings: 0, heldPayments: 0, heldUntil: null });
    const proof = await one<{ actor_kind: string; actor_id: string; reason: string; status: string }>(
      't_removal',
      `select e.actor_kind, e.actor_id, e.reason, u.status
      from account_erasures e join users u on u.id = e.user_id where e.user_id = $1`,
      [v.id],
    );
    expect(proof).toEqual({ actor_kind: 'ADMIN', actor_id: DEMO_STAFF.admin.id, reason: 'Repeated insults in reviews (terms §5)', status: 'DELETED' });
    expect(await findAnywhere(personalValues(v))).toEqual([]);
  });
});
