import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../graphql/context.js';
import { pageSize } from '../graphql/validate.js';
import { moderateReview, moderationQueue, reportContent } from './moderation.service.js';
import { ContentReportReceipt, ModerationAction, ModerationQueuePage, ReviewModerated } from './moderation.type.js';
import { accountIdOf } from '../access/principal.js';

// moderation.rules.ts: travellers report, moderators decide.
@Resolver()
export class ModerationResolver {
  @Mutation(() => ContentReportReceipt, { description: 'Report a review as offensive or unlawful' })
  reportContent(@Arg('reviewId', () => ID) reviewId: string, @Arg('reason') reason: string, @Ctx() ctx: GatewayContext): Promise<ContentReportReceipt> {
    return reportContent(ctx, accountIdOf(ctx.principal), reviewId, reason);
  }

  @Query(() => ModerationQueuePage, { description: 'Moderators: open reports, oldest first' })
  moderationQueue(
    @Ctx() ctx: GatewayContext,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page' }) after?: string | null,
  ): Promise<ModerationQueuePage> {
    return moderationQueue(ctx, pageSize(first, ctx.services.cfg.limits.maxPageSize), after);
  }

  @Mutation(() => ReviewModerated, { description: 'Moderators: hide, restore or remove a review; its open reports are closed' })
  moderateReview(
    @Arg('reviewId', () => ID) reviewId: string,
    @Arg('action', () => ModerationAction) action: ModerationAction,
    @Arg('reason') reason: string,
    @Ctx() ctx: GatewayContext,
  ): Promise<ReviewModerated> {
    return moderateReview(ctx, accountIdOf(ctx.principal), reviewId, action, reason);
  }
}
