import type { Sql } from '../db/sql.js';
import { statement } from '../db/statement.js';
import type { Review } from './review.type.js';

const BY_TOURS = statement<Review, [tourIds: readonly string[], limit: number]>(
  'reviews_by_tours',
  `select x.* from unnest($1::uuid[]) as k(tour_id)
    cross join lateral (select r.id, r.rating, r.text, r.created_at as "createdAt", r.author_id as "authorId", r.tour_id as "tourId"
      from reviews r where r.tour_id = k.tour_id and r.moderation_status = 'PUBLISHED' order by r.created_at desc, r.id limit $2) x`,
);

/** Newest published reviews of each tour, at most `limit` per tour, in one statement (the tour's index stops each after `limit`). */
export function reviewsByTours(sql: Sql, tourIds: readonly string[], limit: number): Promise<Review[]> {
  return sql.rows(BY_TOURS, tourIds, limit);
}
