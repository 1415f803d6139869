import { and, chain, or } from 'graphql-shield';
import { mayCancelBooking, travellerOwnsBooking } from '../bookings/booking.rules.js';
import { hasScope, isAuthenticated, isPartner, isPaymentProvider, isUser } from '../access/principal.rules.js';

// Travellers choose a provider for their own bookings; only that provider's client reports the result.
export const paymentRules = {
  Query: {
    paymentProviders: isAuthenticated,
    providerPayments: and(isPaymentProvider, hasScope('payments:write')),
    pendingRefunds: and(isPaymentProvider, hasScope('payments:write')),
  },
  Mutation: {
    startPayment: chain(isUser, travellerOwnsBooking),
    cancelBooking: chain(or(isUser, and(isPartner, or(hasScope('bookings:read'), hasScope('tours:write')))), mayCancelBooking),
    recordPayment: and(isPaymentProvider, hasScope('payments:write')),
    recordRefund: and(isPaymentProvider, hasScope('payments:write')),
  },
};
