import { and, or, rule } from 'graphql-shield';
import type { GatewayContext } from '../graphql/context.js';
import { ForbiddenError, UnauthenticatedError } from '../graphql/errors.js';
import { hasScope, isAuthenticated, isUser } from '../auth/auth.rules.js';
import type { Tour } from '../tours/tour.type.js';

// Reads the parent tour, so no cache: each tour is checked on its own.
export const ownsParentTour = rule('ownsParentTour', { cache: 'no_cache' })((tour: Tour, _args, ctx: GatewayContext) =>
  (ctx.principal.kind === 'PARTNER' && ctx.principal.partnerId === tour.partnerId) || new ForbiddenError('Only the tour\'s partner sees its bookings', 'NOT_TOUR_OWNER'));

// Scopes alone do not tell a tour operator from a payment provider: these check the client kind too.
function clientKindRule(kind: 'PARTNER' | 'PAYMENT_PROVIDER', message: string, reason: string) {
  return rule(`is:${kind}`, { cache: 'contextual' })((_p, _a, ctx: GatewayContext) => {
    const p = ctx.principal;
    if (p.kind === 'ANONYMOUS') return new UnauthenticatedError();
    return (p.kind === kind && p.partnerId !== null) || new ForbiddenError(message, reason);
  });
}

export const isPartner = clientKindRule('PARTNER', 'Tour partners only', 'NOT_A_PARTNER');
export const isPaymentProvider = clientKindRule('PAYMENT_PROVIDER', 'Payment providers only', 'NOT_A_PAYMENT_PROVIDER');

export const bookingRules = {
  Query: { booking: isAuthenticated, partnerBookings: and(isPartner, hasScope('bookings:read')) },
  Mutation: {
    createBooking: isUser,
    cancelBooking: or(isUser, and(isPartner, or(hasScope('bookings:read'), hasScope('tours:write')))),
  },
  Tour: { bookings: and(hasScope('bookings:read'), ownsParentTour) },
};
