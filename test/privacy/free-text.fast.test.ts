import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningGateway } from '../../src/gateway.js';
import { DEMO_STAFF } from '../../seeds/staff.data.js';
import { clientHeaders } from '../bookings/booking.fixtures.js';
import {
  BookingHistoryDocument, CancelBookingDocument, FileComplaintDocument, ModerationQueueDocument, MyComplaintsDocument, ReportContentDocument, StaffComplaintsDocument,
  type ModerationQueueQuery,
} from '../generated/operations.js';
import { freshTraveller, grantConsents, paidUpcomingBooking, publishedReview, type FreshUser } from '../rights/fresh-user.fixtures.js';
import { startTestGateway } from '../support/gateway.js';
import { gql, type GqlResponse } from '../support/http.js';
import { bearer, tokenFor } from '../support/tokens.js';

// The issue's own examples, in the forms that used to survive.
const WRITTEN = 'Мой ИИН 651202408285, телефон +7\u00a0701\u00a0274\u00a032\u00a074, паспорт N12345678, уд. 045678912, почта aigerim(at)mail.kz, ИИН жены ８９０７１０３９９３５８';
const MASKED = 'Мой ИИН [IIN hidden], телефон [phone hidden], паспорт [document hidden], уд. [document hidden], почта [e-mail hidden], ИИН жены [IIN hidden]';

let gw: RunningGateway;
let u: FreshUser;
let user: Record<string, string>;
beforeAll(async () => {
  gw = await startTestGateway();
  u = await freshTraveller(gw);
  user = bearer(await tokenFor(gw, 'USER', { sub: u.id }));
});
afterAll(async () => { await gw.close(); });

describe('free text others read is masked', () => {
  it('a cancellation reason is stored and shown to the traveller and the partner with personal data masked', async () => {
    await grantConsents(gw, u.id, ['TOUR_BOOKING']);
    const b = await paidUpcomingBooking(gw, u.id);
    const cancelled = await gql(gw.url, CancelBookingDocument, { id: b.bookingId, reason: WRITTEN }, user);
    expect(cancelled.body.data!.cancelBooking.__typename).toBe('BookingCancelled');
    const [stored] = await gw.services.sql.rows<{ reason: string }>('t_ft_reason', "select reason from booking_events where booking_id = $1 and status = 'CANCELLED'", [b.bookingId]);
    expect(stored.reason).toBe(MASKED);
    const partner = await gql(gw.url, BookingHistoryDocument, { id: b.bookingId }, await clientHeaders(gw, 'PARTNER', b.partnerId));
    expect(partner.body.errors).toBeUndefined();
    expect(partner.body.data!.booking!.history.at(-1)!.reason).toBe(MASKED);
  });

  it('complaint subjects and bodies reach support and administrators masked; the author reads what they wrote', async () => {
    const filed = await gql(gw.url, FileComplaintDocument, { subject: `Данные: ${WRITTEN}`, body: WRITTEN,
      attachments: [{ name: `паспорт N12345678.pdf`, mimeType: 'application/pdf', sizeBytes: 1000, sha256: 'ab'.repeat(32) }] }, user);
    expect(filed.body.errors).toBeUndefined();
    const id = filed.body.data!.fileComplaint.id;
    const mine = await gql(gw.url, MyComplaintsDocument, undefined, user);
    expect(mine.body.data!.myComplaints.find((c) => c.id === id)).toMatchObject({ subject: `Данные: ${WRITTEN}`, attachments: [{ name: 'паспорт N12345678.pdf' }] });
    for (const [kind, sub] of [['SUPPORT', DEMO_STAFF.support.id], ['ADMIN', DEMO_STAFF.admin.id]] as const) {
      const staff = await gql(gw.url, StaffComplaintsDocument, { status: 'RECEIVED' }, bearer(await tokenFor(gw, kind, { sub })));
      expect(staff.body.errors).toBeUndefined();
      expect(staff.body.data!.complaints.nodes.find((c) => c.id === id)).toMatchObject({ subject: `Данные: ${MASKED}`, body: MASKED, attachments: [{ name: 'паспорт [document hidden].pdf' }] });
    }
  });

  it('a report reason reaches moderators masked', async () => {
    const { reviewId } = await publishedReview(gw, (await freshTraveller(gw)).id, 'Гид опоздал');
    const reported = await gql(gw.url, ReportContentDocument, { reviewId, reason: WRITTEN }, user);
    expect(reported.body.errors).toBeUndefined();
    const moderator = bearer(await tokenFor(gw, 'MODERATOR', { sub: DEMO_STAFF.moderator.id }));
    let after: string | null = null;
    const reasons: string[] = [];
    for (;;) {
      const q: GqlResponse<ModerationQueueQuery> = await gql(gw.url, ModerationQueueDocument, { first: 50, after }, moderator);
      const page = q.body.data!.moderationQueue;
      reasons.push(...page.nodes.filter((n) => n.review.id === reviewId).map((n) => n.reason));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor ?? null;
    }
    expect(reasons).toEqual([MASKED]);
  });
});
