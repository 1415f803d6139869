import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PROVIDERS } from '../bookings/booking.fixtures.js';
import {
  BookingHistoryDocument,
  CancelBookingDocument,
  DeleteMyAccountDocument,
  FileComplaintDocument,
  ModerationQueueDocument,
  PaidBookingTravellerDocument,
  PartnerBookingsDocument,
  PersonByIdDocument,
  ReportContentDocument,
  StaffComplaintsDocument,
  TourReviewAuthorsDocument,
  ToursWithReviewsDocument,
  type ModerationQueueQuery,
  type PartnerBookingsQuery,
} from '../generated/operations.js';
import { openApp, type InProcessApp, type RunResult } from '../support/in-process.js';
import { anonymous, client, staff, traveller } from '../support/principals.js';
import { freshTraveller, grantConsents, paidUpcomingBooking, publishedReview, type FreshUser, type PaidBooking } from './fresh-user.fixtures.js';

let app: InProcessApp;
let u: FreshUser;
let booking: PaidBooking;
let review: { reviewId: string; tourId: string };

// What the person typed into texts others read, besides the tagged fields of their profile.
const typed = (p: FreshUser) => `${p.firstName} ${p.surname}, паспорт ${p.passport}, telegram ${p.telegram}, ${p.email}`;
const formerValues = (p: FreshUser) => [p.phone, p.phone.slice(1), p.surname, p.firstName, p.patronymic, p.email, p.iin, p.passport, p.telegram, p.whatsapp];

/** Every public, partner, payment-provider and staff surface that can show this person or what they wrote, as raw response bodies. */
async function everySurface(): Promise<unknown[]> {
  const bodies: unknown[] = [];
  const read = async (res: Promise<{ body: unknown }>) => {
    bodies.push((await res).body);
  };
  // Public: the tour's reviews and the catalogue with reviews.
  await read(app.run(anonymous, TourReviewAuthorsDocument, { id: review.tourId }));
  await read(app.run(anonymous, ToursWithReviewsDocument, { first: 50, reviews: 10 }));
  // The tour partner: its bookings (every page) and the booking's history with the cancellation reason.
  const partner = await client(app, 'PARTNER', booking.partnerId);
  let after: string | null = null;
  for (;;) {
    const page: RunResult<PartnerBookingsQuery> = await app.run(partner, PartnerBookingsDocument, { first: 100, after });
    bodies.push(page.body);
    if (!page.body.data?.partnerBookings.pageInfo.hasNextPage) break;
    after = page.body.data.partnerBookings.pageInfo.endCursor ?? null;
  }
  await read(app.run(partner, BookingHistoryDocument, { id: booking.bookingId }));
  // The payment provider of the booking's payment.
  await read(app.run(await client(app, 'PAYMENT_PROVIDER', booking.providerId), PaidBookingTravellerDocument, { id: booking.bookingId }));
  // Staff: support and administrators' complaints, the moderation queue (every page), a fraud lookup of the person.
  for (const member of ['support', 'admin'] as const) {
    await read(app.run(await staff(app, member), StaffComplaintsDocument, {}));
  }
  const moderator = await staff(app, 'moderator');
  after = null;
  for (;;) {
    const page: RunResult<ModerationQueueQuery> = await app.run(moderator, ModerationQueueDocument, { first: 100, after });
    bodies.push(page.body);
    if (!page.body.data?.moderationQueue.pageInfo.hasNextPage) break;
    after = page.body.data.moderationQueue.pageInfo.endCursor ?? null;
  }
  const fraud = await staff(app, 'admin', { purpose: 'FRAUD_PREVENTION', reference: 'CASE-ERASE-SURFACES' });
  await read(app.run(fraud, PersonByIdDocument, { id: u.id }));
  return bodies;
}

function found(bodies: unknown[], values: string[]): string[] {
  const text = JSON.stringify(bodies).toLowerCase();
  return values.filter((v) => text.includes(v.toLowerCase()));
}

beforeAll(async () => {
  app = await openApp();
  u = await freshTraveller(app);
  await grantConsents(app, u.id, ['TOUR_BOOKING']);
  booking = await paidUpcomingBooking(app, u.id);
  // A seeded provider, whose client the test can sign in as (other suites add providers without one).
  await app.services.sql.rows('t_surf_provider', 'update payments set provider_id = $1 where id = $2', [PROVIDERS[0], booking.paymentId]);
  booking = { ...booking, providerId: PROVIDERS[0] };
  const user = await traveller(app, u.id);
  // Written straight to the table, as reviews published before the detector were.
  review = await publishedReview(app, u.id, `Гид отличный! ${typed(u)}`);
  const cancelled = await app.run(user, CancelBookingDocument, { id: booking.bookingId, reason: `Не смогу, ${typed(u)}` });
  expect(cancelled.body.errors).toBeUndefined();
  const complaint = await app.run(user, FileComplaintDocument, { subject: `О ${u.surname}`, body: typed(u) });
  expect(complaint.body.errors).toBeUndefined();
  const [other] = await app.services.sql.rows<{ id: string }>(
    't_surf_other_review',
    "select id from reviews where author_id <> $1 and moderation_status = 'PUBLISHED' order by id limit 1",
    [u.id],
  );
  const report = await app.run(user, ReportContentDocument, { reviewId: other.id, reason: `Это про меня, ${typed(u)}` });
  expect(report.body.errors).toBeUndefined();
  // Reported too, so the queue shows this review while it is still linked.
  const reportOwn = await app.run(await traveller(app, (await freshTraveller(app)).id), ReportContentDocument, { reviewId: review.reviewId, reason: 'Спам' });
  expect(reportOwn.body.errors).toBeUndefined();
});
afterAll(async () => {
  await app.close();
});

describe("after deleteMyAccount, no surface shows the person's former values, typed or tagged", () => {
  it('before erasure the same reads do show them (the search can fail)', async () => {
    const hits = found(await everySurface(), formerValues(u));
    expect(hits).toEqual(expect.arrayContaining([u.surname, u.firstName, u.telegram]));
  });

  it('after erasure none of them appears on any public, partner, provider or staff surface', async () => {
    const res = await app.run(await traveller(app, u.id), DeleteMyAccountDocument);
    expect(res.body.errors).toBeUndefined();
    const bodies = await everySurface();
    for (const b of bodies) expect((b as { errors?: unknown }).errors).toBeUndefined();
    expect(JSON.stringify(bodies).length).toBeGreaterThan(10_000);
    expect(found(bodies, formerValues(u))).toEqual([]);
  });

  it('the review keeps its rating for the tour, shown as by a deleted user', async () => {
    const { body } = await app.run(anonymous, TourReviewAuthorsDocument, { id: review.tourId });
    expect(body.data!.tour!.reviews.find((r) => r.id === review.reviewId)).toMatchObject({ author: null });
    const [row] = await app.services.sql.rows<{ rating: number; author_id: string | null }>('t_surf_review', 'select rating, author_id from reviews where id = $1', [
      review.reviewId,
    ]);
    expect(row).toEqual({ rating: 4, author_id: null });
  });
});
