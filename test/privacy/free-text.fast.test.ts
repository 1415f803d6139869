import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Principal } from '../../src/access/principal.js';
import {
  BookingHistoryDocument,
  CancelBookingDocument,
  FileComplaintDocument,
  ModerationQueueDocument,
  MyComplaintsDocument,
  ReportContentDocument,
  StaffComplaintsDocument,
  type ModerationQueueQuery,
} from '../generated/operations.js';
import { freshTraveller, grantConsents, paidUpcomingBooking, publishedReview, type FreshUser } from '../rights/fresh-user.fixtures.js';
import { openApp, type InProcessApp, type RunResult } from '../support/in-process.js';
import { client, staff, traveller } from '../support/principals.js';

// The issue's own examples, in the forms that used to survive.
const WRITTEN = 'Мой ИИН 651202408285, телефон +7\u00a0701\u00a0274\u00a032\u00a074, паспорт N12345678, уд. 045678912, почта aigerim(at)mail.kz, ИИН жены ８９０７１０３９９３５８';
const MASKED = 'Мой ИИН [IIN hidden], телефон [phone hidden], паспорт [document hidden], уд. [document hidden], почта [e-mail hidden], ИИН жены [IIN hidden]';

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

describe('free text others read is masked', () => {
  it('a cancellation reason is stored and shown to the traveller and the partner with personal data masked', async () => {
    await grantConsents(app, u.id, ['TOUR_BOOKING']);
    const b = await paidUpcomingBooking(app, u.id);
    const cancelled = await app.run(user, CancelBookingDocument, { id: b.bookingId, reason: WRITTEN });
    expect(cancelled.body.data!.cancelBooking.__typename).toBe('BookingCancelled');
    const [stored] = await app.services.sql.rows<{ reason: string }>('t_ft_reason', "select reason from booking_events where booking_id = $1 and status = 'CANCELLED'", [
      b.bookingId,
    ]);
    expect(stored.reason).toBe(MASKED);
    const partner = await app.run(await client(app, 'PARTNER', b.partnerId), BookingHistoryDocument, { id: b.bookingId });
    expect(partner.body.errors).toBeUndefined();
    expect(partner.body.data!.booking!.history.at(-1)!.reason).toBe(MASKED);
  });

  it('complaint subjects and bodies reach support and administrators masked; the author reads what they wrote', async () => {
    const filed = await app.run(user, FileComplaintDocument, {
      subject: `Данные: ${WRITTEN}`,
      body: WRITTEN,
      attachments: [{ name: `паспорт N12345678.pdf`, mimeType: 'application/pdf', sizeBytes: 1000, sha256: 'ab'.repeat(32) }],
    });
    expect(filed.body.errors).toBeUndefined();
    const id = filed.body.data!.fileComplaint.id;
    const mine = await app.run(user, MyComplaintsDocument);
    expect(mine.body.data!.myComplaints.find((c) => c.id === id)).toMatchObject({ subject: `Данные: ${WRITTEN}`, attachments: [{ name: 'паспорт N12345678.pdf' }] });
    for (const member of ['support', 'admin'] as const) {
      const read = await app.run(await staff(app, member), StaffComplaintsDocument, { status: 'RECEIVED' });
      expect(read.body.errors).toBeUndefined();
      expect(read.body.data!.complaints.nodes.find((c) => c.id === id)).toMatchObject({
        subject: `Данные: ${MASKED}`,
        body: MASKED,
        attachments: [{ name: 'паспорт [document hidden].pdf' }],
      });
    }
  });

  it('a report reason reaches moderators masked', async () => {
    const { reviewId } = await publishedReview(app, (await freshTraveller(app)).id, 'Гид опоздал');
    const reported = await app.run(user, ReportContentDocument, { reviewId, reason: WRITTEN });
    expect(reported.body.errors).toBeUndefined();
    const moderator = await staff(app, 'moderator');
    let after: string | null = null;
    const reasons: string[] = [];
    for (;;) {
      const q: RunResult<ModerationQueueQuery> = await app.run(moderator, ModerationQueueDocument, { first: 50, after });
      const page = q.body.data!.moderationQueue;
      reasons.push(...page.nodes.filter((n) => n.review.id === reviewId).map((n) => n.reason));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor ?? null;
    }
    expect(reasons).toEqual([MASKED]);
  });
});
