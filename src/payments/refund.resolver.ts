import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../graphql/context.js';
import { isUuid } from '../graphql/cursor.js';
import { NotFoundError } from '../graphql/errors.js';
import { pageSize } from '../graphql/validate.js';
import { paymentById, validateExternalRef } from './payment.service.js';
import { Payment } from './payment.type.js';
import { pendingRefunds, recordRefund, refundById } from './refund.service.js';
import { RecordRefundResult, Refund, RefundOutcome, type RecordRefundOutcome } from './refund.type.js';
import { partnerIdOf } from '../access/principal.js';

@Resolver(() => Refund)
export class RefundResolver {
  @Query(() => [Refund], { description: 'The refunds the calling payment provider still has to make, oldest first (scope payments:write)' })
  pendingRefunds(@Arg('first', () => Int, { defaultValue: 50 }) first: number, @Ctx() ctx: GatewayContext): Promise<Refund[]> {
    // The isPaymentProvider rule has established that partnerId is present.
    return pendingRefunds(ctx.services.sql, partnerIdOf(ctx.principal), pageSize(first, ctx.services.cfg.limits.maxPageSize));
  }

  @Mutation(() => RecordRefundResult, { description: "The refund's provider reports its result (scope payments:write); NOT_FOUND for refunds it does not owe" })
  async recordRefund(
    @Arg('refundId', () => ID) refundId: string,
    @Arg('status', () => RefundOutcome) status: RefundOutcome,
    @Arg('externalRef') externalRef: string,
    @Ctx() ctx: GatewayContext,
  ): Promise<RecordRefundOutcome> {
    if (!isUuid(refundId)) throw new NotFoundError('Refund');
    const out = await recordRefund(ctx.em(), { providerId: partnerIdOf(ctx.principal), refundId, outcome: status, externalRef: validateExternalRef(externalRef) });
    return 'reason' in out ? out : { refund: await refundById(ctx.services.sql, out.refundId) };
  }

  @FieldResolver(() => Payment, { description: 'The payment being refunded' })
  payment(@Root() r: Refund, @Ctx() ctx: GatewayContext): Promise<Payment> {
    return paymentById(ctx.services.sql, r.paymentId);
  }
}
