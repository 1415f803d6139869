import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../graphql/context.js';
import { CancelBookingResult, type CancelBookingOutcome } from '../bookings/booking-result.type.js';
import { cancelBooking, cancellationReason, type Canceller } from './booking-cancel.service.js';

@Resolver()
export class BookingCancelResolver {
  @Mutation(() => CancelBookingResult, { description: "Cancel a booking: its traveller before the tour starts, or the tour's partner; seats are released" })
  cancelBooking(@Arg('bookingId', () => ID) bookingId: string, @Arg('reason') reason: string, @Ctx() ctx: GatewayContext): Promise<CancelBookingOutcome> {
    // mayCancelBooking has let only the booking's traveller or its tour's partner through; the history records which acted.
    return cancelBooking(ctx.services.sql, ctx.em(), bookingId, ctx.principal.kind as Canceller, cancellationReason(reason));
  }
}
