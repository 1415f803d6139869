import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Principal } from '../../src/access/principal.js';
import { openReportReason, type StoredReportReason } from '../../src/moderation/content-report.codec.js';
import { DEMO_STAFF } from '../../seeds/staff.data.js';
import { ModerateReviewDocument, ModerationQueueDocument, ReportContentDocument, TourReviewAuthorsDocument, type ModerationQueueQuery } from '../generated/operations.js';
import { freshTraveller, publishedReview, type FreshUser } from '../rights/fresh-user.fixtures.js';
import { openApp, type InProcessApp, type RunResult } from '../support/in-process.js';
import { anonymous, staff, traveller } from '../support/principals.js';

let app: InProcessApp;
let author: FreshUser;
let reporterId: string;
let reporter: Principal;
let moderator: Principal;
let reviews: { reviewId: string; tourId: string }[];

beforeAll(async () => {
  app = await openApp();
  author = await freshTraveller(app);
  reviews = [await publishedReview(app, author.id, 'Гид опоздал на два часа'), await publishedReview(app, author.id, 'Ужасный сервис')];
  reporterId = (await freshTraveller(app)).id;
  reporter = await traveller(app, reporterId);
  moderator = await staff(app, 'moderator');
});
afterAll(async () => {
  await app.close();
});

async function queueAll() {
  const items: { reportId: string; review: { id: string } }[] = [];
  let after: string | null = null;
  for (;;) {
    const res: RunResult<ModerationQueueQuery> = await app.run(moderator, ModerationQueueDocument, { first: 50, after });
    const queue = res.body.data!.moderationQueue;
    items.push(...queue.nodes);
    if (!queue.pageInfo.hasNextPage) return items;
    after = queue.pageInfo.endCursor;
  }
}

describe('content reports and the moderation queue', () => {
  let reportIds: string[];

  it('travellers report a review; reporting it again returns the open report', async () => {
    reportIds = [];
    for (const r of reviews) {
      const res = await app.run(reporter, ReportContentDocument, { reviewId: r.reviewId, reason: 'Оскорбления' });
      expect(res.body.data!.reportContent).toMatchObject({ reviewId: r.reviewId, status: 'OPEN' });
      reportIds.push(res.body.data!.reportContent.id);
    }
    const again = await app.run(reporter, ReportContentDocument, { reviewId: reviews[0].reviewId, reason: 'Снова' });
    expect(again.body.data!.reportContent.id).toBe(reportIds[0]);
    // Each reason is stored sealed under the reporter's data key and bound to its report.
    const stored = await app.services.sql.rows<StoredReportReason>(
      't_mod_sealed',
      `select c.id, c.reporter_id as "reporterId", k.wrapped_key as "wrappedKey",
      c.reason_enc as "reasonEnc" from content_reports c join keyring.user_keys k on k.user_id = c.reporter_id where c.id = any($1::uuid[]) order by c.id`,
      [reportIds],
    );
    expect(stored.map((r) => r.reporterId)).toEqual([reporterId, reporterId]);
    for (const r of stored) expect(r.reasonEnc).toMatch(/^v1\.dk\./);
    expect(stored.map((r) => openReportReason(app.services.vault, r))).toEqual(['Оскорбления', 'Оскорбления']);
  });

  it('refuses unknown reviews, empty reasons and callers other than travellers', async () => {
    const unknown = await app.run(reporter, ReportContentDocument, { reviewId: '00000000-0000-4000-8000-000000000000', reason: 'x' });
    expect(unknown.body.errors![0].extensions!.code).toBe('NOT_FOUND');
    const empty = await app.run(reporter, ReportContentDocument, { reviewId: reviews[0].reviewId, reason: '  ' });
    expect(empty.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const byStaff = await app.run(moderator, ReportContentDocument, { reviewId: reviews[0].reviewId, reason: 'x' });
    expect(byStaff.body.errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it("moderators see open reports with the text and the author's full name, other fields masked, and the name is logged as disclosed", async () => {
    const res = await app.run(moderator, ModerationQueueDocument, { first: 100 });
    expect(res.body.errors).toBeUndefined();
    const item = res.body.data!.moderationQueue.nodes.find((n) => n.reportId === reportIds[0])!;
    expect(item.reason).toBe('Оскорбления');
    expect(item.review).toMatchObject({ id: reviews[0].reviewId, text: 'Гид опоздал на два часа', moderationStatus: 'PUBLISHED' });
    expect(item.review.author!.fullName).toBe(`${author.firstName} ${author.patronymic} ${author.surname}`);
    expect(item.review.author!.phone).not.toBe(author.phone);
    expect(item.review.author!.phone).toMatch(/\*/);
    expect(item.review.author!.iin).toMatch(/^\*+\d{4}$/);
    const logged = await app.services.sql.rows<{ kinds: string[]; recipient_kind: string }>(
      't_mod_disc',
      'select kinds, recipient_kind from disclosures where request_id = $1 and subject_id = $2',
      [res.requestId, author.id],
    );
    expect(logged).toEqual([{ kinds: ['FULL_NAME'], recipient_kind: 'MODERATOR' }]);
  });

  it('pages by cursor without repeating or skipping, and refuses a forged cursor', async () => {
    const all = await queueAll();
    const firstPage = await app.run(moderator, ModerationQueueDocument, { first: 1 });
    const second = await app.run(moderator, ModerationQueueDocument, { first: 1, after: firstPage.body.data!.moderationQueue.pageInfo.endCursor });
    expect([...firstPage.body.data!.moderationQueue.nodes, ...second.body.data!.moderationQueue.nodes].map((n) => n.reportId)).toEqual(all.slice(0, 2).map((n) => n.reportId));
    expect(new Set(all.map((n) => n.reportId)).size).toBe(all.length);
    const forged = await app.run(moderator, ModerationQueueDocument, { first: 1, after: 'bm90LWEtY3Vyc29y' });
    expect(forged.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('is closed to travellers', async () => {
    const res = await app.run(reporter, ModerationQueueDocument, { first: 5 });
    expect(res.body.errors![0].extensions!.code).toBe('FORBIDDEN');
    const act = await app.run(reporter, ModerateReviewDocument, { reviewId: reviews[0].reviewId, action: 'REMOVE', reason: 'x' });
    expect(act.body.errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it('hiding a review takes it off the tour page and resolves its reports; restoring publishes it again', async () => {
    const [r] = reviews;
    const hidden = await app.run(moderator, ModerateReviewDocument, { reviewId: r.reviewId, action: 'HIDE', reason: 'Проверяем' });
    expect(hidden.body.data!.moderateReview).toEqual({ reviewId: r.reviewId, moderationStatus: 'HIDDEN', closedReports: 1 });
    const [report] = await app.services.sql.rows<{ status: string; resolved_by_id: string }>('t_mod_report', 'select status, resolved_by_id from content_reports where id = $1', [
      reportIds[0],
    ]);
    expect(report).toEqual({ status: 'RESOLVED', resolved_by_id: DEMO_STAFF.moderator.id });
    const page = await app.run(anonymous, TourReviewAuthorsDocument, { id: r.tourId });
    expect(page.body.data!.tour!.reviews.map((x) => x.id)).not.toContain(r.reviewId);
    expect((await queueAll()).map((n) => n.reportId)).not.toContain(reportIds[0]);

    const restored = await app.run(moderator, ModerateReviewDocument, { reviewId: r.reviewId, action: 'RESTORE', reason: 'Нарушений нет' });
    expect(restored.body.data!.moderateReview).toEqual({ reviewId: r.reviewId, moderationStatus: 'PUBLISHED', closedReports: 0 });
    const back = await app.run(anonymous, TourReviewAuthorsDocument, { id: r.tourId });
    expect(back.body.data!.tour!.reviews.map((x) => x.id)).toContain(r.reviewId);
  });

  it('removing a review resolves its open report and keeps the reason', async () => {
    const res = await app.run(moderator, ModerateReviewDocument, { reviewId: reviews[1].reviewId, action: 'REMOVE', reason: 'Оскорбления' });
    expect(res.body.data!.moderateReview).toEqual({ reviewId: reviews[1].reviewId, moderationStatus: 'REMOVED', closedReports: 1 });
    const [row] = await app.services.sql.rows<{ moderation_status: string; moderation_reason: string }>(
      't_mod_review',
      'select moderation_status, moderation_reason from reviews where id = $1',
      [reviews[1].reviewId],
    );
    expect(row).toEqual({ moderation_status: 'REMOVED', moderation_reason: 'Оскорбления' });
  });
});
