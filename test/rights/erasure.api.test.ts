import { randomUUID, type KeyObject } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { complaintSlot } from '../../src/complaints/complaint.codec.js';
import type { RunningGateway } from '../../src/gateway.js';
import { reportReasonSlot } from '../../src/moderation/content-report.codec.js';
import { ERASED_TEXT } from '../../src/privacy/authored-text.codec.js';
import { runPurge } from '../../src/rights/purge.job.js';
import { sealTicketSubject, ticketSubjectSlot } from '../../src/support/support-ticket.codec.js';
import { openPersonalData } from '../../src/users/personal-data.codec.js';
import { DEMO_STAFF } from '../../seeds/staff.data.js';
import {
  BookingTravellerDocument,
  DeleteMyAccountDocument,
  ExportMyDataDocument,
  FileComplaintDocument,
  ModerationQueueDocument,
  RemoveAccountDocument,
  ReportContentDocument,
  StaffComplaintsDocument,
  TourReviewAuthorsDocument,
  type ModerationQueueQuery,
} from '../generated/operations.js';
import { startTestGateway } from '../support/gateway.js';
import { gql, type GqlResponse } from '../support/http.js';
import { bearer, tokenFor } from '../support/tokens.js';
import { freshTraveller, grantConsents, paidUpcomingBooking, publishedReview, type FreshUser, type PaidBooking } from './fresh-user.fixtures.js';

let gw: RunningGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(async () => {
  await gw.close();
});

const one = async <T>(name: string, text: string, params: unknown[]) => (await gw.services.sql.rows<T>(name, text, params))[0];

interface SealedRow {
  id: string;
  pii_enc: string;
  wrapped_key: string;
}

/** Every column of every table, searched for each value, and every sealed record whose key still exists, opened; "table.column: value" per hit. */
async function findAnywhere(values: string[]): Promise<string[]> {
  const cols = await gw.services.sql.rows<{ s: string; t: string; c: string }>(
    't_all_columns',
    `select c.table_schema as s, c.table_name as t, c.column_name as c
    from information_schema.columns c join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema in ('public', 'keyring') and t.table_type = 'BASE TABLE' order by 1, 2, 3`,
  );
  expect(cols.length).toBeGreaterThan(100);
  const hits: string[] = [];
  for (const { s, t, c } of cols) {
    const found = await gw.services.sql.rows<{ v: string }>(
      `t_scan_${s}_${t}_${c}`,
      `select v from unnest($1::text[]) v
      where exists(select 1 from "${s}"."${t}" x where strpos(lower(x."${c}"::text), lower(v)) > 0)`,
      [values],
    );
    hits.push(...found.map((f) => `${t}.${c}: ${f.v}`));
  }
  const sealed = await gw.services.sql.rows<SealedRow>(
    't_scan_sealed',
    `select u.id, u.pii_enc, k.wrapped_key from users u
    join keyring.user_keys k on k.user_id = u.id where u.pii_enc is not null`,
  );
  const opened = sealed.map((r) => JSON.stringify(openPersonalData(gw.services.vault, r.id, r.wrapped_key, r.pii_enc)).toLowerCase()).join('\n');
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
async function moderationQueue(moderator: Record<string, string>): Promise<{ reportId: string; reason: string }[]> {
  const items: { reportId: string; reason: string }[] = [];
  let after: string | null = null;
  for (;;) {
    const res: GqlResponse<ModerationQueueQuery> = await gql(gw.url, ModerationQueueDocument, { first: 50, after }, moderator);
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
  let token: string;
  let first: { deletedAt: string; heldBookings: number; heldPayments: number; heldUntil: string | null };
  let backup: SealedRow;
  let texts: TextsBackup;

  beforeAll(async () => {
    u = await freshTraveller(gw);
    await grantConsents(gw, u.id, ['TOUR_BOOKING', 'COMMUNICATION']);
    booking = await paidUpcomingBooking(gw, u.id);
    review = await publishedReview(gw, u.id, 'Прекрасный маршрут, гид внимательный');
    token = await tokenFor(gw, 'USER', { sub: u.id });
    await gw.services.sql.rows(
      't_fresh_session',
      "insert into sessions (id, user_id, refresh_hash, expires_at) values (gen_random_uuid(), $1, 'h-' || gen_random_uuid(), now() + interval '1 day')",
      [u.id],
    );
    // No API writes tickets: this one is sealed under the user's key the way the seed writes them.
    const ticketId = randomUUID();
    const { wrapped_key: wrapped } = await one<{ wrapped_key: string }>('t_fresh_key', 'select wrapped_key from keyring.user_keys where user_id = $1', [u.id]);
    const ticketSubject = sealTicketSubject(gw.services.vault, gw.services.vault.subjectKey(u.id, wrapped), u.id, ticketId, `Call me at ${u.phone}`);
    await gw.services.sql.rows(
      't_fresh_ticket',
      "insert into support_tickets (id, reference, user_id, subject_enc) values ($1, 'ERASE-' || substr(md5(random()::text), 1, 8), $2, $3)",
      [ticketId, u.id, ticketSubject],
    );
    const complaint = await gql(
      gw.url,
      FileComplaintDocument,
      {
        subject: `About ${u.surname}`,
        body: `My e-mail ${u.email} was shared`,
        attachments: [{ name: `${u.surname}-passport.pdf`, mimeType: 'application/pdf', sizeBytes: 1000, sha256: 'a'.repeat(64) }],
      },
      bearer(token),
    );
    expect(complaint.body.errors).toBeUndefined();
    const [other] = await gw.services.sql.rows<{ id: string }>(
      't_other_review',
      "select id from reviews where author_id <> $1 and moderation_status = 'PUBLISHED' order by id limit 1",
      [u.id],
    );
    const report = await gql(gw.url, ReportContentDocument, { reviewId: other.id, reason: `Insults me, ${u.firstName}` }, bearer(token));
    expect(report.body.errors).toBeUndefined();
    // A disclosure to the tour's partner through the booking, so the log holds a row about this person.
    const partner = await tokenFor(gw, 'PARTNER', { partnerId: booking.partnerId });
    const read = await gql(gw.url, BookingTravellerDocument, { id: booking.bookingId }, bearer(partner));
    expect(read.body.data!.booking!.traveller.iin).toBe(u.iin);

    // What a backup taken now would hold of this user: the sealed rows and, if the keyring is backed up too, the wrapped key.
    backup = await one<SealedRow>('t_backup', 'select u.id, u.pii_enc, k.wrapped_key from users u join keyring.user_keys k on k.user_id = u.id where u.id = $1', [u.id]);
    texts = await backupOfTexts({ complaintId: complaint.body.data!.fileComplaint.id, reportId: report.body.data!.reportContent.id, ticketId });
    const res = await gql(gw.url, DeleteMyAccountDocument, undefined, bearer(token));
    expect(res.body.errors).toBeUndefined();
    first = res.body.data!.deleteMyAccount as typeof first;
  });

  it('shreds the data key: a backup of the row taken before erasure no longer opens with any key the database holds', async () => {
    const { vault } = gw.services;
    // The control: with the key it had then, the backup opens, so it is the key's deletion that makes it unreadable.
    expect(openPersonalData(vault, u.id, backup.wrapped_key, backup.pii_enc)).toMatchObject({ surname: u.surname, iin: u.iin, phone: u.phone });
    const keys = await gw.services.sql.rows<{ user_id: string; wrapped_key: string }>('t_all_keys', 'select user_id, wrapped_key from keyring.user_keys');
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
    const { vault } = gw.services;
    const openAll = (key: KeyObject) => texts.sealed.map((s) => vault.open(key, u.id, s.slot, s.value));
    // The control: with the key it had then, the backup opens to the surname, e-mail, first name and phone written into it.
    expect(openAll(vault.subjectKey(u.id, backup.wrapped_key))).toEqual([
      `About ${u.surname}`,
      `My e-mail ${u.email} was shared`,
      expect.stringContaining(`"${u.surname}-passport.pdf"`),
      `Insults me, ${u.firstName}`,
      `Call me at ${u.phone}`,
    ]);
    const keys = await gw.services.sql.rows<{ user_id: string; wrapped_key: string }>('t_all_keys', 'select user_id, wrapped_key from keyring.user_keys');
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
    await gw.services.sql.rows('t_restore_key', 'insert into keyring.user_keys (user_id, wrapped_key) values ($1, $2)', [u.id, backup.wrapped_key]);
    const r = await runPurge(gw.services.orm.em.fork());
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
    const { body } = await gql(gw.url, TourReviewAuthorsDocument, { id: review.tourId });
    const r = body.data!.tour!.reviews.find((x) => x.id === review.reviewId);
    expect(r).toEqual({ id: review.reviewId, text: ERASED_TEXT, author: null });
    const stored = await one<{ author_id: string | null; rating: number }>('t_erased_review', 'select author_id, rating from reviews where id = $1', [review.reviewId]);
    expect(stored).toEqual({ author_id: null, rating: 4 });
  });

  it("refuses the deleted account's token: a second deletion and an export get 401 TOKEN_REVOKED", async () => {
    for (const res of [await gql(gw.url, DeleteMyAccountDocument, undefined, bearer(token)), await gql(gw.url, ExportMyDataDocument, undefined, bearer(token))]) {
      expect(res.status).toBe(401);
      expect(res.body.data).toBeUndefined();
      expect(res.body.errors![0].extensions!.code).toBe('TOKEN_REVOKED');
    }
  });

  it('a repeated erasure (the administrator path) changes nothing and returns the same outcome', async () => {
    const admin = await tokenFor(gw, 'ADMIN', { sub: DEMO_STAFF.admin.id });
    const res = await gql(gw.url, RemoveAccountDocument, { userId: u.id, reason: 'duplicate request' }, bearer(admin));
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.removeAccount).toEqual(first);
    const holds = await one<{ n: number }>('t_hold_count', 'select count(*)::int as n from legal_holds where user_id = $1', [u.id]);
    expect(holds.n).toBe(1);
  });

  it('leaves none of the former personal values in any column of any table', async () => {
    expect(await findAnywhere(personalValues(u))).toEqual([]);
  });

  it('the search does find the values of a live account (the check can fail)', async () => {
    const live = await freshTraveller(gw);
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
    await gw.services.sql.rows('t_end_hold', 'update legal_holds set until = current_date - 1 where user_id = $1', [u.id]);
    const r = await runPurge(gw.services.orm.em.fork());
    expect(r).toMatchObject({ holds: 1, bookings: 1, payments: 1 });
    const left = await one<Record<string, number>>(
      't_after_purge',
      `select (select count(*)::int from bookings where user_id = $1) as bookings,
      (select count(*)::int from payments where id = $2) as payments, (select count(*)::int from legal_holds where user_id = $1) as holds,
      (select count(*)::int from users where id = $1) as users, (select count(*)::int from reviews where id = $3) as reviews`,
      [u.id, booking.paymentId, review.reviewId],
    );
    expect(left).toEqual({ bookings: 0, payments: 0, holds: 0, users: 1, reviews: 1 });
    expect(await runPurge(gw.services.orm.em.fork())).toMatchObject({ holds: 0, bookings: 0, payments: 0 });
  });

  it("staff read the erased author's complaint and report as the placeholder, also once a backup of the rows is restored over them", async () => {
    const support = bearer(await tokenFor(gw, 'SUPPORT', { sub: DEMO_STAFF.support.id }));
    const moderator = bearer(await tokenFor(gw, 'MODERATOR', { sub: DEMO_STAFF.moderator.id }));
    const read = async () => {
      const listed = await gql(gw.url, StaffComplaintsDocument, { status: 'RECEIVED' }, support);
      expect(listed.body.errors).toBeUndefined();
      const complaint = listed.body.data!.complaints.nodes.find((c) => c.id === texts.complaintId);
      const report = (await moderationQueue(moderator)).find((r) => r.reportId === texts.reportId);
      return { subject: complaint?.subject, body: complaint?.body, reason: report?.reason };
    };
    const placeholders = { subject: ERASED_TEXT, body: ERASED_TEXT, reason: ERASED_TEXT };
    expect(await read()).toEqual(placeholders);
    // A restore of the two tables from the backup brings the ciphertext (and the reporter) back, not the key.
    const [subject, body, attachments, reason] = texts.sealed.map((s) => s.value);
    await gw.services.sql.rows('t_restore_complaint', 'update complaints set subject_enc = $2, body_enc = $3, attachments_enc = $4 where id = $1', [
      texts.complaintId,
      subject,
      body,
      attachments,
    ]);
    await gw.services.sql.rows('t_restore_report', 'update content_reports set reporter_id = $2, reason_enc = $3 where id = $1', [texts.reportId, u.id, reason]);
    expect(await read()).toEqual(placeholders);
  });
});

describe("removeAccount: administrators erase a violator's account", () => {
  it('erases with the reason recorded; travellers and non-travellers are refused', async () => {
    const v = await freshTraveller(gw);
    const admin = await tokenFor(gw, 'ADMIN', { sub: DEMO_STAFF.admin.id });
    const asUser = await gql(gw.url, RemoveAccountDocument, { userId: v.id, reason: 'spam' }, bearer(await tokenFor(gw, 'USER', { sub: v.id })));
    expect(asUser.body.errors![0].extensions!.code).toBe('FORBIDDEN');
    const staff = await gql(gw.url, RemoveAccountDocument, { userId: DEMO_STAFF.support.id, reason: 'spam' }, bearer(admin));
    expect(staff.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const res = await gql(gw.url, RemoveAccountDocument, { userId: v.id, reason: 'Repeated insults in reviews (terms §5)' }, bearer(admin));
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
