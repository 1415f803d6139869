import type { Sql } from '../db/sql.js';
import type { Review } from './review.type.js';

/** Newest published reviews of each tour, at most `limit` per tour, in one statement. */
export function reviewsByTours(sql: Sql, tourIds: readonly string[], limit: number): Promise<Review[]> {
  return sql.rows<Review>('reviews_by_tours', `select id, rating, text, "createdAt", "authorId", "tourId" from (
      select r.id, r.rating, r.text, r.created_at as "createdAt", r.author_id as "authorId", r.tour_id as "tourId",
        row_number() over (partition by r.tour_id order by r.created_at desc, r.id) as n
      from reviews r where r.tour_id = any($1::uuid[]) and r.moderation_status = 'PUBLISHED') x
    where n <= $2 order by "tourId", n`, [tourIds, limit]);
}
