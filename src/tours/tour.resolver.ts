import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../graphql/context.js';
import { DATE_KEY, decodeCursor, isUuid, keysetPage, MICROS_KEY } from '../graphql/cursor.js';
import { NotFoundError } from '../graphql/errors.js';
import { isoDate, pageSize } from '../graphql/validate.js';
import { Review } from '../reviews/review.type.js';
import { BookingPage } from '../bookings/booking.type.js';
import { ToursArgs } from './tour.args.js';
import { listTours } from './tour.service.js';
import { PartnerSummary, Tour, TourPage } from './tour.type.js';

@Resolver(() => Tour)
export class TourResolver {
  @Query(() => TourPage, { description: 'Active tours by start date, with keyset pagination' })
  async tours(@Args() args: ToursArgs, @Ctx() ctx: GatewayContext): Promise<TourPage> {
    const first = pageSize(args.first, ctx.services.cfg.limits.maxPageSize);
    const filter = { region: args.region ?? null, startsFrom: isoDate(args.startsFrom, 'startsFrom'), startsTo: isoDate(args.startsTo, 'startsTo') };
    const after = args.after ? decodeCursor(args.after, DATE_KEY) : null;
    const page = keysetPage(await listTours(ctx.services.sql, filter, after, first + 1), first, (t) => ({ key: t.startsOn, id: t.id }));
    for (const t of page.nodes) ctx.loaders.tour.prime(t.id, t);
    return page;
  }

  @Query(() => Tour, { nullable: true, description: 'One tour; null with a NOT_FOUND error when there is none' })
  async tour(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext): Promise<Tour> {
    const row = isUuid(id) ? await ctx.loaders.tour.load(id) : null;
    if (!row) throw new NotFoundError('Tour');
    return row;
  }

  @FieldResolver(() => PartnerSummary)
  async partner(@Root() tour: Tour, @Ctx() ctx: GatewayContext): Promise<PartnerSummary> {
    const p = await ctx.loaders.partner.load(tour.partnerId);
    if (!p) throw new Error('tour without partner');
    return p;
  }

  @FieldResolver(() => [Review], { description: 'Newest published reviews first' })
  reviews(@Root() tour: Tour, @Arg('first', () => Int, { defaultValue: 10 }) first: number, @Ctx() ctx: GatewayContext): Promise<Review[]> {
    return ctx.loaders.reviewsOfTour(pageSize(first, ctx.services.cfg.limits.maxPageSize)).load(tour.id);
  }

  @FieldResolver(() => BookingPage, { description: "The tour's bookings, newest first: for the tour's own partner (scope bookings:read)" })
  async bookings(@Root() tour: Tour, @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page' }) after: string | null, @Ctx() ctx: GatewayContext): Promise<BookingPage> {
    const size = pageSize(first, ctx.services.cfg.limits.maxPageSize);
    const rows = await ctx.loaders.bookingsOfTour(size + 1, after ? decodeCursor(after, MICROS_KEY) : null).load(tour.id);
    return keysetPage(rows, size, (b) => ({ key: b.cursorMicros, id: b.id }));
  }
}
