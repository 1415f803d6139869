import DataLoader from 'dataloader';
import { groupByKey } from '../graphql/group-by.js';
import { loaderPerKey, localizedRows, type LoadersFactory } from '../graphql/loaders.js';
import { reviewsByTours } from './review.service.js';
import type { Review } from './review.type.js';

declare module '../graphql/loaders.js' {
  interface Loaders {
    /** A tour's newest reviews, `limit` of them. */
    reviewsOfTour(limit: number): DataLoader<string, Review[]>;
  }
}

export const reviewLoaders: LoadersFactory = ({ sql, language }) => ({
  reviewsOfTour: loaderPerKey(
    (limit: number) => String(limit),
    (limit: number) => new DataLoader<string, Review[]>(async (ids) => groupByKey(ids, localizedRows(await reviewsByTours(sql, ids, limit), 'text', language), (r) => r.tourId)),
  ),
});
