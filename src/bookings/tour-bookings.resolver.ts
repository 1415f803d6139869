import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../graphql/context.js';
import { decodeCursor, keysetPage, MICROS_KEY } from '../graphql/cursor.js';
import { pageSize } from '../graphql/validate.js';
import { Tour } from '../tours/tour.type.js';
import { BookingPage } from './booking.type.js';

// Bookings adds this field to the tour type, so tours never needs bookings.
@Resolver(() => Tour)
export class TourBookingsResolver {
  @FieldResolver(() => BookingPage, { description: "The tour's bookings, newest first: for the tour's own partner (scope bookings:read)" })
  async bookings(
    @Root() tour: Tour,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page' }) after: string | null,
    @Ctx() ctx: GatewayContext,
  ): Promise<BookingPage> {
    const size = pageSize(first, ctx.services.cfg.limits.maxPageSize);
    const rows = await ctx.loaders.bookingsOfTour(size + 1, after ? decodeCursor(after, MICROS_KEY) : null).load(tour.id);
    return keysetPage(rows, size, (b) => ({ key: b.cursorMicros, id: b.id }));
  }
}
