import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../graphql/context.js';
import { reachedVia } from '../privacy/privacy.edge.js';
import { Person } from '../users/person.type.js';
import type { PersonRow } from '../users/user.service.js';
import { Review } from './review.type.js';

@Resolver(() => Review)
export class ReviewResolver {
  @FieldResolver(() => Person, { nullable: true, description: 'The author, as the privacy policy lets the caller see them; null once the author deleted their account' })
  async author(@Root() review: Review, @Ctx() ctx: GatewayContext): Promise<PersonRow | null> {
    if (review.authorId === null) return null;
    const p = await ctx.loaders.person.load(review.authorId);
    if (!p) throw new Error('review without author');
    return reachedVia(p, 'REVIEW_AUTHOR', review.id);
  }
}
