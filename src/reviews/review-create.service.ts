import type { Sql } from '../db/sql.js';
import { statement } from '../db/statement.js';
import { BadInputError } from '../graphql/errors.js';
import { maskFreeText, STORED_TEXT_LANGUAGE } from '../privacy/free-text.masks.js';
import type { Review } from './review.type.js';
import { ReviewRejectionReason, type CreateReviewOutcome } from './review-create.type.js';

const MAX_TEXT = 2000;

export interface ReviewDraft {
  authorId: string;
  tourId: string;
  rating: number;
  text: string;
}

export function validateReviewDraft(d: ReviewDraft): ReviewDraft {
  if (!Number.isInteger(d.rating) || d.rating < 1 || d.rating > 5) throw new BadInputError('rating must be between 1 and 5', 'rating');
  const text = d.text.trim();
  if (text.length < 1 || text.length > MAX_TEXT) throw new BadInputError(`text must be 1 to ${MAX_TEXT} characters`, 'text');
  return { ...d, text };
}

const PUBLISH = statement<Review, [authorId: string, tourId: string, rating: number, text: string]>(
  'review_publish',
  `insert into reviews
    (id, author_id, tour_id, rating, text, moderation_status, created_at)
  select gen_random_uuid(), $1, $2, $3, $4, 'PUBLISHED', now()
  where exists(select 1 from bookings where user_id = $1 and tour_id = $2 and status = 'COMPLETED')
  on conflict (author_id, tour_id) do nothing
  returning id, rating, text, created_at as "createdAt", author_id as "authorId", tour_id as "tourId"`,
);
const EXISTS = statement<{ ok: boolean }, [authorId: string, tourId: string]>('review_exists', 'select exists(select 1 from reviews where author_id = $1 and tour_id = $2) as ok');

/** Publishes the masked text once per author and tour, only after a completed booking; one statement decides both. */
export async function createReview(sql: Sql, d: ReviewDraft): Promise<CreateReviewOutcome> {
  const { text, counts } = maskFreeText(d.text, STORED_TEXT_LANGUAGE);
  // A mask can be longer than what it hides.
  if (text.length > MAX_TEXT) throw new BadInputError(`text must be at most ${MAX_TEXT} characters once personal data is masked`, 'text');
  const [row] = await sql.rows(PUBLISH, d.authorId, d.tourId, d.rating, text);
  if (row)
    return {
      review: row,
      maskedCount: counts.IIN + counts.PHONE + counts.EMAIL + counts.PASSPORT,
      masked: { iin: counts.IIN, phone: counts.PHONE, email: counts.EMAIL, passport: counts.PASSPORT },
    };
  const [prior] = await sql.rows(EXISTS, d.authorId, d.tourId);
  return { reason: prior.ok ? ReviewRejectionReason.ALREADY_REVIEWED : ReviewRejectionReason.NO_COMPLETED_BOOKING };
}
