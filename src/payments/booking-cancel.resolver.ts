import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../graphql/context.js';
import { isUuid } from '../graphql/cursor.js';
import { NotFoundError } from '../graphql/errors.js';
import { bookingById } from '../bookings/booking.service.js';
import { CancelBookingResult, type CancelBookingOutcome } from '../bookings/booking-result.type.js';
import { cancelBooking, cancellationReason, type Canceller } from './booking-cancel.service.js';

@Resolver()
export class BookingCancelResolver {
  @Mutation(() => CancelBookingResult, { description: "Cancel a booking: its traveller before the tour starts, or the tour's partner; seats are released" })
  async cancelBooking(@Arg('bookingId', () => ID) bookingId: string, @Arg('reason') reason: string, @Ctx() ctx: GatewayContext): Promise<CancelBookingOutcome> {
    const text = cancellationReason(reason);
    const b = isUuid(bookingId) ? await bookingById(ctx.services.sql, bookingId) : null;
    const p = ctx.principal;
    const by: Canceller | null = !b ? null : p.kind === 'USER' && p.id === b.userId ? 'USER' : p.kind === 'PARTNER' && p.partnerId === b.partnerId ? 'PARTNER' : null;
    if (!by) throw new NotFoundError('Booking');
    return cancelBooking(ctx.services.sql, ctx.em(), bookingId, by, text);
  }
}
