import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../graphql/context.js';
import { DATE_KEY, decodeCursor, isUuid, keysetPage } from '../graphql/cursor.js';
import { NotFoundError } from '../graphql/errors.js';
import { pageSize } from '../graphql/validate.js';
import type { TourRow } from '../tours/tour.service.js';
import { Tour, TourPage, TourStatus } from '../tours/tour.type.js';
import { TourChanges, TourInput } from './tour.input.js';
import { createTour, retireTour, toursOfPartner, updateTour, validateTourValues } from './tour-admin.service.js';
import { partnerIdOf } from '../access/principal.js';
import { partnerToursWithPrimedBookings } from '../bookings/tour-bookings.loaders.js';

function ownId(id: string): string {
  if (!isUuid(id)) throw new NotFoundError('Tour');
  return id;
}

// The isPartner rule has established that the caller is a partner client, so partnerId is present.
@Resolver(() => Tour)
export class TourAdminResolver {
  @Query(() => TourPage, { description: "The calling partner's own tours, retired ones included, by start date" })
  async partnerTours(
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<TourPage> {
    const size = pageSize(first, ctx.services.cfg.limits.maxPageSize);
    const partnerId = partnerIdOf(ctx.principal);
    const cursor = after ? decodeCursor(after, DATE_KEY) : null;
    const rows = (await partnerToursWithPrimedBookings(ctx, info, partnerId, cursor, size)) ?? (await toursOfPartner(ctx.services.sql, partnerId, cursor, size + 1));
    return keysetPage(rows, size, (t) => ({ key: t.startsOn, id: t.id }));
  }

  @Mutation(() => Tour, { description: 'Offer a new tour (scope tours:write)' })
  createTour(@Arg('input', () => TourInput) input: TourInput, @Ctx() ctx: GatewayContext): Promise<TourRow> {
    return createTour(ctx.services.sql, partnerIdOf(ctx.principal), validateTourValues(input));
  }

  @Mutation(() => Tour, {
    description:
      "Change one of the caller's own tours; NOT_FOUND for anyone else's. Moving the dates of a tour with open or paid bookings " +
      'records the change: each traveller sees it on the booking and may accept the new dates or cancel with a full refund. ' +
      'BAD_USER_INPUT for dates out of order or not after today, or for a tour that has started',
  })
  updateTour(@Arg('id', () => ID) id: string, @Arg('changes', () => TourChanges) changes: TourChanges, @Ctx() ctx: GatewayContext): Promise<TourRow> {
    const { partnerId, id: clientId } = ctx.principal;
    return updateTour(ctx.services.sql, ctx.em(), { partnerId: partnerId!, clientId: clientId! }, ownId(id), validateTourValues(changes));
  }

  @Mutation(() => Tour, { description: "Withdraw one of the caller's own tours from sale; existing bookings stay" })
  retireTour(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext): Promise<TourRow> {
    return retireTour(ctx.services.sql, partnerIdOf(ctx.principal), ownId(id));
  }

  @FieldResolver(() => TourStatus)
  status(@Root() tour: TourRow): TourStatus {
    return tour.status as TourStatus;
  }
}
