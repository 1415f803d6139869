import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../graphql/context.js';
import { isUuid } from '../graphql/cursor.js';
import { localizeStoredText } from '../privacy/free-text.masks.js';
import { createReview, validateReviewDraft } from './review-create.service.js';
import { CreateReviewResult, ReviewRejectionReason, type CreateReviewOutcome } from './review-create.type.js';
import { accountIdOf } from '../access/principal.js';

@Resolver()
export class ReviewCreateResolver {
  @Mutation(() => CreateReviewResult, {
    description: 'Review a tour the caller completed, once; IINs, phone numbers, e-mail addresses and identity document numbers in the text are masked',
  })
  async createReview(
    @Arg('tourId', () => ID) tourId: string,
    @Arg('rating', () => Int) rating: number,
    @Arg('text') text: string,
    @Ctx() ctx: GatewayContext,
  ): Promise<CreateReviewOutcome> {
    // isUser has established the caller is a signed-in traveller, so the id is present.
    const draft = validateReviewDraft({ authorId: accountIdOf(ctx.principal), tourId, rating, text });
    if (!isUuid(tourId)) return { reason: ReviewRejectionReason.NO_COMPLETED_BOOKING };
    const outcome = await createReview(ctx.services.sql, draft);
    return 'review' in outcome ? { ...outcome, review: { ...outcome.review, text: localizeStoredText(outcome.review.text, ctx.privacy.language) } } : outcome;
  }
}
