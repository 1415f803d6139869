import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../graphql/context.js';
import { decodeCursor, isUuid, keysetPage, MICROS_KEY } from '../graphql/cursor.js';
import { NotFoundError } from '../graphql/errors.js';
import { pageSize } from '../graphql/validate.js';
import { reachedVia } from '../privacy/privacy.edge.js';
import { Person } from '../users/person.type.js';
import type { PersonRow } from '../users/user.service.js';
import { Tour } from '../tours/tour.type.js';
import { Booking, BookingDateChange, BookingEvent, BookingPage } from './booking.type.js';
import { bookingsOfPartner } from './booking.service.js';
import { partnerIdOf } from '../access/principal.js';

@Resolver(() => Booking)
export class BookingResolver {
  // The mayOpenBooking rule has loaded the booking and let this caller open it.
  @Query(() => Booking, { nullable: true, description: 'One booking the caller may see; null with a NOT_FOUND error otherwise (no hint that it exists)' })
  async booking(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext): Promise<Booking> {
    const b = isUuid(id) ? await ctx.loaders.booking.load(id) : null;
    if (!b) throw new NotFoundError('Booking');
    return b;
  }

  @Query(() => BookingPage, { description: "Bookings on all of the calling partner's tours, newest first (scope bookings:read)" })
  async partnerBookings(
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: GatewayContext,
  ): Promise<BookingPage> {
    const size = pageSize(first, ctx.services.cfg.limits.maxPageSize);
    // The isPartner rule has established that the caller is a partner client, so partnerId is present.
    const rows = await bookingsOfPartner(ctx.services.sql, partnerIdOf(ctx.principal), after ? decodeCursor(after, MICROS_KEY) : null, size + 1);
    return keysetPage(rows, size, (b) => ({ key: b.cursorMicros, id: b.id }));
  }

  @FieldResolver(() => Person, { description: 'The traveller, as the privacy policy lets the caller see them' })
  traveller(@Root() b: Booking, @Ctx() ctx: GatewayContext): PersonRow | Promise<PersonRow> {
    const reached = (p: PersonRow | null) => {
      if (!p) throw new Error('booking without traveller');
      return reachedVia(p, 'BOOKING_TRAVELLER', b.id, { holderId: b.partnerId, holderCountry: b.partnerCountry, open: b.accessOpen, consents: b.travellerConsents });
    };
    const p = ctx.loaders.person.primedOrLoad(b.userId);
    return p instanceof Promise ? p.then(reached) : reached(p);
  }

  @FieldResolver(() => Tour)
  async tour(@Root() b: Booking, @Ctx() ctx: GatewayContext): Promise<Tour> {
    const t = await ctx.loaders.tour.load(b.tourId);
    if (!t) throw new Error('booking without tour');
    return t;
  }

  @FieldResolver(() => [BookingEvent], { description: 'Status changes and date events, oldest first' })
  history(@Root() b: Booking, @Ctx() ctx: GatewayContext): Promise<BookingEvent[]> {
    return ctx.loaders.bookingHistory.load(b.id);
  }

  @FieldResolver(() => [BookingDateChange], { description: "Moves of the tour's dates by its partner since the booking was made, oldest first, with the traveller's answer" })
  dateChanges(@Root() b: Booking, @Ctx() ctx: GatewayContext): Promise<BookingDateChange[]> {
    return ctx.loaders.bookingDateChanges.load(b.id);
  }
}
