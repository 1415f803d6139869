import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../graphql/context.js';
import { decodeCursor, keysetPage, MICROS_KEY } from '../graphql/cursor.js';
import { pageSize } from '../graphql/validate.js';
import { Me } from '../users/me.type.js';
import { BookingStatus, TravellerBookingPage } from './booking.type.js';
import { bookingsOfUser } from './booking.service.js';
import { nextActions } from './booking.machine.js';

@Resolver(() => Me)
export class MyBookingsResolver {
  @FieldResolver(() => TravellerBookingPage, { description: "The caller's bookings, newest first, each with its latest payment and next actions" })
  async bookings(
    @Root() me: Me,
    @Ctx() ctx: GatewayContext,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page' }) after: string | null,
    @Arg('status', () => BookingStatus, { nullable: true }) status: BookingStatus | null,
  ): Promise<TravellerBookingPage> {
    const size = pageSize(first, ctx.services.cfg.limits.maxPageSize);
    const rows = await bookingsOfUser(ctx.services.sql, me.id, status ?? null, after ? decodeCursor(after, MICROS_KEY) : null, size + 1);
    const { nodes, pageInfo } = keysetPage(rows, size, (b) => ({ key: b.cursorMicros, id: b.id }));
    return {
      nodes: nodes.map((b) => ({ booking: b, nextActions: nextActions(b.status, b.started, b.reviewed, b.dateChangePending) })),
      pageInfo,
    };
  }
}
