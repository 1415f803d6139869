import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../graphql/context.js';
import { TravellerBooking } from '../bookings/booking.type.js';
import { Payment } from './payment.type.js';

// Payments adds this field to the traveller's booking, so bookings never needs payments; one query per page through the loader.
@Resolver(() => TravellerBooking)
export class TravellerBookingPaymentResolver {
  @FieldResolver(() => Payment, { nullable: true, description: 'The latest payment attempt, if any' })
  payment(@Root() tb: TravellerBooking, @Ctx() ctx: GatewayContext): Promise<Payment | null> {
    return ctx.loaders.latestPayment.load(tb.booking.id);
  }
}
