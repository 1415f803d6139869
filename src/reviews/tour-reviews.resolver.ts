import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../graphql/context.js';
import { pageSize } from '../graphql/validate.js';
import { Tour } from '../tours/tour.type.js';
import { Review } from './review.type.js';

// Reviews adds this field to the tour type, so tours never needs reviews.
@Resolver(() => Tour)
export class TourReviewsResolver {
  @FieldResolver(() => [Review], { description: 'Newest published reviews first' })
  reviews(@Root() tour: Tour, @Arg('first', () => Int, { defaultValue: 10 }) first: number, @Ctx() ctx: GatewayContext): Promise<Review[]> {
    return ctx.loaders.reviewsOfTour(pageSize(first, ctx.services.cfg.limits.maxPageSize)).load(tour.id);
  }
}
