import { and, chain, rule } from 'graphql-shield';
import type { GatewayContext } from '../graphql/context.js';
import { isUuid } from '../graphql/cursor.js';
import { ForbiddenError, NotFoundError } from '../graphql/errors.js';
import { providerProcesses } from './booking.service.js';
import type { Booking } from './booking.type.js';
import { hasScope, isAuthenticated, isPartner, isUser } from '../access/principal.rules.js';
import type { Tour } from '../tours/tour.type.js';

// Reads the parent tour, so no cache: each tour is checked on its own.
export const ownsParentTour = rule('ownsParentTour', { cache: 'no_cache' })(
  (tour: Tour, _args, ctx: GatewayContext) =>
    (ctx.principal.kind === 'PARTNER' && ctx.principal.partnerId === tour.partnerId) || new ForbiddenError("Only the tour's partner sees its bookings", 'NOT_TOUR_OWNER'),
);

/** Who may open one booking: its traveller, the tour's partner, a provider paying it, support, administrators and auditors. */
async function mayOpen(ctx: GatewayContext, b: Booking): Promise<boolean> {
  const p = ctx.principal;
  switch (p.kind) {
    case 'USER':
      return p.id === b.userId;
    case 'PARTNER':
      return p.partnerId === b.partnerId && p.scopes.includes('bookings:read');
    case 'PAYMENT_PROVIDER':
      return p.partnerId !== null && p.scopes.includes('bookings:read') && providerProcesses(ctx.services.sql, p.partnerId, b.id);
    case 'SUPPORT':
    case 'ADMIN':
    case 'AUDITOR':
      return true;
    default:
      return false;
  }
}

// A booking the caller may not open reads as one that does not exist: no hint that it does. The resolver reads it from the same loader.
export const mayOpenBooking = rule('mayOpenBooking', { cache: 'strict' })(async (_root, args: { id: string }, ctx: GatewayContext) => {
  const b = isUuid(args.id) ? await ctx.loaders.booking.load(args.id) : null;
  return (b !== null && (await mayOpen(ctx, b))) || new NotFoundError('Booking');
});

/** The booking named by the `bookingId` argument, read once per request through the loader the resolver reads it from too. */
const argBooking = (args: { bookingId: string }, ctx: GatewayContext): Promise<Booking | null> | null => (isUuid(args.bookingId) ? ctx.loaders.booking.load(args.bookingId) : null);

// Another traveller's booking reads as one that does not exist, as in mayOpenBooking.
export const travellerOwnsBooking = rule('travellerOwnsBooking', { cache: 'strict' })(async (_root, args: { bookingId: string }, ctx: GatewayContext) => {
  const b = await argBooking(args, ctx);
  return (b !== null && ctx.principal.kind === 'USER' && b.userId === ctx.principal.id) || new NotFoundError('Booking');
});

/** Who may cancel a booking: its traveller, or the partner whose tour it is on. */
export const mayCancelBooking = rule('mayCancelBooking', { cache: 'strict' })(async (_root, args: { bookingId: string }, ctx: GatewayContext) => {
  const b = await argBooking(args, ctx);
  const p = ctx.principal;
  return (b !== null && ((p.kind === 'USER' && b.userId === p.id) || (p.kind === 'PARTNER' && b.partnerId === p.partnerId))) || new NotFoundError('Booking');
});

export const bookingRules = {
  Query: { booking: chain(isAuthenticated, mayOpenBooking), partnerBookings: and(isPartner, hasScope('bookings:read')) },
  Mutation: {
    createBooking: isUser,
    acceptDateChange: chain(isUser, travellerOwnsBooking),
  },
  Tour: { bookings: and(hasScope('bookings:read'), ownsParentTour) },
};
