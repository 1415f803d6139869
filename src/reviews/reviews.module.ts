import type { FeatureModule } from '../graphql/feature-module.js';
import { ReviewResolver } from './review.resolver.js';
import { ReviewCreateResolver } from './review-create.resolver.js';
import { TourReviewsResolver } from './tour-reviews.resolver.js';
import { Review } from './review.entity.js';
import { reviewRules } from './review.rules.js';
import { reviewLoaders } from './review.loaders.js';

/** The reviews feature as the app composes it. */
export const reviewsModule: FeatureModule = {
  resolvers: [ReviewResolver, ReviewCreateResolver, TourReviewsResolver],
  entities: [Review],
  rules: [reviewRules],
  loaders: reviewLoaders,
};
