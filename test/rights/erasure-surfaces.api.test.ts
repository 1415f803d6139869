import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningGateway } from '../../src/gateway.js';
import { DEMO_STAFF } from '../../seeds/staff.data.js';
import { clientHeaders, PROVIDERS } from '../bookings/booking.fixtures.js';
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
import { startTestGateway } from '../support/gateway.js';
import { gql, type GqlResponse } from '../support/http.js';
import { bearer, tokenFor } from '../support/tokens.js';
import { freshTraveller, grantConsents, paidUpcomingBooking, publishedReview, type FreshUser, type PaidBooking } from './fresh-user.fixtures.js';

let gw: RunningGateway;
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
  await read(gql(gw.url, TourReviewAuthorsDocument, { id: review.tourId }));
  await read(gql(gw.url, ToursWithReviewsDocument, { first: 50, reviews: 10 }));
  // The tour partner: its bookings (every page) and the booking's history with the cancellation reason.
  const partner = await clientHeaders(gw, 'PARTNER', booking.partnerId);
  let after: string | null = null;
  for (;;) {
    const page: GqlResponse<PartnerBookingsQuery> = await gql(gw.url, PartnerBookingsDocument, { first: 100, after }, partner);
    bodies.push(page.body);
    if (!page.body.data?.partnerBookings.pageInfo.hasNextPage) break;
    after = page.body.data.partnerBookings.pageInfo.endCursor ?? null;
  }
  await read(gql(gw.url, BookingHistoryDocument, { id: booking.bookingId }, partner));
  // The payment provider of the booking's payment.
  await read(gql(gw.url, PaidBookingTravellerDocument, { id: booking.bookingId }, await clientHeaders(gw, 'PAYMENT_PROVIDER', booking.providerId)));
  // Staff: support and administrators' complaints, the moderation queue (every page), a fraud lookup of the person.
  for (const [kind, sub] of [
    ['SUPPORT', DEMO_STAFF.support.id],
    ['ADMIN', DEMO_STAFF.admin.id],
  ] as const) {
    await read(gql(gw.url, StaffComplaintsDocument, {}, bearer(await tokenFor(gw, kind, { sub }))));
  }
  const moderator = bearer(await tokenFor(gw, 'MODERATOR', { sub: DEMO_STAFF.moderator.id }));
  after = null;
  for (;;) {
    const page: GqlResponse<ModerationQueueQuery> = await gql(gw.url, ModerationQueueDocument, { first: 100, after }, moderator);
    bodies.push(page.body);
    if (!page.body.data?.moderationQueue.pageInfo.hasNextPage) break;
    after = page.body.data.moderationQueue.pageInfo.endCursor ?? null;
  }
  const fraud = bearer(await tokenFor(gw, 'ADMIN', { sub: DEMO_STAFF.admin.id }), { 'x-purpose': 'FRAUD_PREVENTION', 'x-purpose-ref': 'CASE-ERASE-SURFACES' });
  await read(gql(gw.url, PersonByIdDocument, { id: u.id }, fraud));
  return bodies;
}

function found(bodies: unknown[], values: string[]): string[] {
  const text = JSON.stringify(bodies).toLowerCase();
  return values.filter((v) => text.includes(v.toLowerCase()));
}

beforeAll(async () => {
  gw = await startTestGateway();
  u = await freshTraveller(gw);
  await grantConsents(gw, u.id, ['TOUR_BOOKING']);
  booking = await paidUpcomingBooking(gw, u.id);
  // A seeded provider, whose client the test can sign in as (other suites add providers without one).
  await gw.services.sql.rows('t_surf_provider', 'update payments set provider_id = $1 where id = $2', [PROVIDERS[0], booking.paymentId]);
  booking = { ...booking, providerId: PROVIDERS[0] };
  const user = bearer(await tokenFor(gw, 'USER', { sub: u.id }));
  // Written straight to the table, as reviews published before the detector were.
  review = await publishedReview(gw, u.id, `Гид отличный! ${typed(u)}`);
  const cancelled = await gql(gw.url, CancelBookingDocument, { id: booking.bookingId, reason: `Не смогу, ${typed(u)}` }, user);
  expect(cancelled.body.errors).toBeUndefined();
  const complaint = await gql(gw.url, FileComplaintDocument, { subject: `О ${u.surname}`, body: typed(u) }, user);
  expect(complaint.body.errors).toBeUndefined();
  const [other] = await gw.services.sql.rows<{ id: string }>(
    't_surf_other_review',
    "select id from reviews where author_id <> $1 and moderation_status = 'PUBLISHED' order by id limit 1",
    [u.id],
  );
  const report = await gql(gw.url, ReportContentDocument, { reviewId: other.id, reason: `Это про меня, ${typed(u)}` }, user);
  expect(report.body.errors).toBeUndefined();
  // Reported too, so the queue shows this review while it is still linked.
  const reportOwn = await gql(
    gw.url,
    ReportContentDocument,
    { reviewId: review.reviewId, reason: 'Спам' },
    bearer(await tokenFor(gw, 'USER', { sub: (await freshTraveller(gw)).id })),
  );
  expect(reportOwn.body.errors).toBeUndefined();
});
afterAll(async () => {
  await gw.close();
});

describe("after deleteMyAccount, no surface shows the person's former values, typed or tagged", () => {
  it('before erasure the same reads do show them (the search can fail)', async () => {
    const hits = found(await everySurface(), formerValues(u));
    expect(hits).toEqual(expect.arrayContaining([u.surname, u.firstName, u.telegram]));
  });

  it('after erasure none of them appears on any public, partner, provider or staff surface', async () => {
    const res = await gql(gw.url, DeleteMyAccountDocument, undefined, bearer(await tokenFor(gw, 'USER', { sub: u.id })));
    expect(res.body.errors).toBeUndefined();
    const bodies = await everySurface();
    for (const b of bodies) expect((b as { errors?: unknown }).errors).toBeUndefined();
    expect(JSON.stringify(bodies).length).toBeGreaterThan(10_000);
    expect(found(bodies, formerValues(u))).toEqual([]);
  });

  it('the review keeps its rating for the tour, shown as by a deleted user', async () => {
    const { body } = await gql(gw.url, TourReviewAuthorsDocument, { id: review.tourId });
    expect(body.data!.tour!.reviews.find((r) => r.id === review.reviewId)).toMatchObject({ author: null });
    const [row] = await gw.services.sql.rows<{ rating: number; author_id: string | null }>('t_surf_review', 'select rating, author_id from reviews where id = $1', [
      review.reviewId,
    ]);
    expect(row).toEqual({ rating: 4, author_id: null });
  });
});
