import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../graphql/context.js';
import { bookingById } from './booking.service.js';
import { createBooking, validateBookingRequest } from './booking-create.service.js';
import { AcceptDateChangeResult, CreateBookingResult, type AcceptDateChangeOutcome, type CreateBookingOutcome } from './booking-result.type.js';
import { acceptDateChange } from './booking-date-change.service.js';
import { accountIdOf } from '../access/principal.js';

@Resolver()
export class BookingWriteResolver {
  @Mutation(() => CreateBookingResult, { description: 'Book seats on a tour; the same idempotency key always yields the same booking' })
  createBooking(
    @Arg('tourId', () => ID) tourId: string,
    @Arg('seats', () => Int) seats: number,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() ctx: GatewayContext,
  ): Promise<CreateBookingOutcome> {
    // isUser has established the caller is a signed-in traveller, so the id is present.
    const request = validateBookingRequest({ userId: accountIdOf(ctx.principal), tourId, seats, idempotencyKey });
    return createBooking(ctx.services.sql, request);
  }

  @Mutation(() => AcceptDateChangeResult, {
    description:
      "The traveller keeps the booking after the partner moved the tour's dates; only this moves the partner's access window " +
      "to the new end. NOT_FOUND for anyone else's booking",
  })
  async acceptDateChange(@Arg('bookingId', () => ID) bookingId: string, @Ctx() ctx: GatewayContext): Promise<AcceptDateChangeOutcome> {
    const out = await acceptDateChange(ctx.em(), bookingId);
    return 'reason' in out ? out : { booking: (await bookingById(ctx.services.sql, bookingId))! };
  }
}
