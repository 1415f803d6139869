import { randomUUID } from 'node:crypto';
import { statement } from '../db/statement.js';
import type { GatewayContext } from '../graphql/context.js';
import { decodeCursor, isUuid, keysetPage, TIMESTAMP_KEY } from '../graphql/cursor.js';
import { BadInputError, NotFoundError } from '../graphql/errors.js';
import { authorReached, exposeFreeText } from '../privacy/free-text.exposure.js';
import { localizeStoredText, maskFreeText } from '../privacy/free-text.masks.js';
import type { PageInfo } from '../tours/tour.type.js';
import { writerKeyOf } from '../users/user-key.service.js';
import { openReportReason, sealReportReason, type StoredReportReason } from './content-report.codec.js';
import { ModerationAction, ModerationStatus, type ContentReportReceipt, type ModerationItem, type ReviewModerated } from './moderation.type.js';
import { reachedVia } from '../privacy/privacy.edge.js';
import { keysetAfter, utcTime } from '../db/keyset.js';

const MAX_REASON = 1000;
const STATUS_OF: Record<ModerationAction, ModerationStatus> = { HIDE: ModerationStatus.HIDDEN, RESTORE: ModerationStatus.PUBLISHED, REMOVE: ModerationStatus.REMOVED };

export function reasonText(reason: string): string {
  const r = reason.trim();
  if (!r || r.length > MAX_REASON) throw new BadInputError(`reason must be 1 to ${MAX_REASON} characters`, 'reason');
  return r;
}

const RECEIPT = 'id, review_id as "reviewId", status, created_at as "createdAt"';
const PUBLISHED_REVIEW = statement<{ id: string }, [reviewId: string]>(
  'moderation_review_published',
  "select id from reviews where id = $1 and moderation_status = 'PUBLISHED' for share",
);
const OPEN_REPORT = statement<ContentReportReceipt, [reviewId: string, reporterId: string]>(
  'content_report_open_of',
  `select ${RECEIPT} from content_reports where review_id = $1 and reporter_id = $2 and status = 'OPEN'`,
);
const REPORT = statement<ContentReportReceipt, [id: string, reviewId: string, reporterId: string, reasonEnc: string]>(
  'content_report_insert',
  `insert into content_reports (id, review_id, reporter_id, reason_enc, status, created_at) values ($1, $2, $3, $4, 'OPEN', now()) returning ${RECEIPT}`,
);
const SET_REVIEW_STATUS = statement<never, [status: ModerationStatus, reason: string, reviewId: string]>(
  'moderation_review_status',
  'update reviews set moderation_status = $1, moderation_reason = $2 where id = $3',
);
const CLOSE_REPORTS = statement<never, [status: 'DISMISSED' | 'RESOLVED', moderatorId: string, resolution: string, reviewId: string]>(
  'content_reports_close',
  `update content_reports set status = $1, resolved_by_id = $2, resolution = $3 where review_id = $4 and status = 'OPEN'`,
);

/** One open report per reporter and review: reporting again returns the open one. The reason is sealed under the reporter's data key. */
export async function reportContent(ctx: GatewayContext, reporterId: string, reviewId: string, reason: string): Promise<ContentReportReceipt> {
  const text = reasonText(reason);
  if (!isUuid(reviewId)) throw new NotFoundError('Review');
  return ctx.em().transactional(async (tem) => {
    const tx = ctx.services.sql.within(tem);
    const [review] = await tx.rows(PUBLISHED_REVIEW, reviewId);
    if (!review) throw new NotFoundError('Review');
    const [open] = await tx.rows(OPEN_REPORT, reviewId, reporterId);
    if (open) return open;
    const id = randomUUID();
    const reasonEnc = sealReportReason(ctx.services.vault, await writerKeyOf(tem, ctx.services.vault, reporterId), reporterId, id, text);
    const [row] = await tx.rows(REPORT, id, reviewId, reporterId, reasonEnc);
    return row;
  });
}

interface QueueRow extends StoredReportReason {
  reportedAt: Date;
  key: string;
  reviewId: string;
  rating: number;
  text: string;
  moderationStatus: ModerationStatus;
  authorId: string | null;
}

const QUEUE = statement<QueueRow, [afterKey: string | null, afterId: string | null, limit: number]>(
  'moderation_queue',
  `select c.id,
      c.reporter_id as "reporterId", c.reason_enc as "reasonEnc", k.wrapped_key as "wrappedKey", c.created_at as "reportedAt",
      to_char(c.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as key, r.id as "reviewId", r.rating, r.text,
      r.moderation_status as "moderationStatus", r.author_id as "authorId"
    from content_reports c join reviews r on r.id = c.review_id left join keyring.user_keys k on k.user_id = c.reporter_id where c.status = 'OPEN'
      and ${keysetAfter('asc', { key: 'c.created_at', id: 'c.id' }, { key: utcTime('$1'), id: '$2' })}
    order by c.created_at, c.id limit $3`,
);

/** Open reports, oldest first, each reason opened with its reporter's key, its personal data as the policy lets the caller see the reporter; authors come through the person loader, so the privacy layer decides what moderators see. */
export async function moderationQueue(ctx: GatewayContext, first: number, after: string | null | undefined): Promise<{ nodes: ModerationItem[]; pageInfo: PageInfo }> {
  const cursor = after ? decodeCursor(after, TIMESTAMP_KEY) : null;
  const rows = await ctx.services.sql.rows(QUEUE, cursor?.key ?? null, cursor?.id ?? null, first + 1);
  const page = keysetPage(rows, first, (r) => ({ key: r.key, id: r.id }));
  // The loader batches these into one lookup; an erased author's review has none.
  const authors = await Promise.all(page.nodes.map(async (r) => (r.authorId === null ? null : ctx.loaders.person.load(r.authorId))));
  const nodes = await Promise.all(
    page.nodes.map(async (r, i) => {
      const author = authors[i];
      if (r.authorId !== null && !author) throw new Error('review without author');
      const reason = openReportReason(ctx.services.vault, r);
      // The reporter is not shown, but what they wrote about themselves follows the policy for them.
      const shown = r.reporterId === null ? maskFreeText(reason, ctx.privacy.language).text : await exposeFreeText(ctx, await authorReached(ctx, r.reporterId, r.id), reason);
      return {
        reportId: r.id,
        reason: shown,
        reportedAt: r.reportedAt,
        review: {
          id: r.reviewId,
          rating: r.rating,
          text: localizeStoredText(r.text, ctx.privacy.language),
          moderationStatus: r.moderationStatus,
          author: author ? reachedVia(author, 'STAFF_LOOKUP', r.reviewId) : null,
        },
      };
    }),
  );
  return { nodes, pageInfo: page.pageInfo };
}

/** Sets the review's status and closes its open reports, in one transaction. */
export async function moderateReview(ctx: GatewayContext, moderatorId: string, reviewId: string, action: ModerationAction, reason: string): Promise<ReviewModerated> {
  const text = reasonText(reason);
  if (!isUuid(reviewId)) throw new NotFoundError('Review');
  const status = STATUS_OF[action];
  return ctx.em().transactional(async (tem) => {
    const tx = ctx.services.sql.within(tem);
    if ((await tx.count(SET_REVIEW_STATUS, status, text, reviewId)) === 0) throw new NotFoundError('Review');
    const closed = await tx.count(CLOSE_REPORTS, action === ModerationAction.RESTORE ? 'DISMISSED' : 'RESOLVED', moderatorId, `${action}: ${text}`, reviewId);
    return { reviewId, moderationStatus: status, closedReports: closed };
  });
}
