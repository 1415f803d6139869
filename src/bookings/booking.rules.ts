import { and, or, rule } from 'graphql-shield';
import type { GatewayContext } from '../graphql/context.js';
import { ForbiddenError } from '../graphql/errors.js';
import { hasScope, isAuthenticated, isPartner, isUser } from '../auth/auth.rules.js';
import type { Tour } from '../tours/tour.type.js';

// Reads the parent tour, so no cache: each tour is checked on its own.
export const ownsParentTour = rule('ownsParentTour', { cache: 'no_cache' })((tour: Tour, _args, ctx: GatewayContext) =>
  (ctx.principal.kind === 'PARTNER' && ctx.principal.partnerId === tour.partnerId) || new ForbiddenError('Only the tour\'s partner sees its bookings', 'NOT_TOUR_OWNER'));

export const bookingRules = {
  Query: { booking: isAuthenticated, partnerBookings: and(isPartner, hasScope('bookings:read')) },
  Mutation: {
    createBooking: isUser,
    acceptDateChange: isUser,
    cancelBooking: or(isUser, and(isPartner, or(hasScope('bookings:read'), hasScope('tours:write')))),
  },
  Tour: { bookings: and(hasScope('bookings:read'), ownsParentTour) },
};
