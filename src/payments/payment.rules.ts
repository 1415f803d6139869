import { and, chain } from 'graphql-shield';
import { travellerOwnsBooking } from '../bookings/booking.rules.js';
import { hasScope, isAuthenticated, isPaymentProvider, isUser } from '../auth/auth.rules.js';

// Travellers choose a provider for their own bookings; only that provider's client reports the result.
export const paymentRules = {
  Query: { paymentProviders: isAuthenticated, providerPayments: and(isPaymentProvider, hasScope('payments:write')),
    pendingRefunds: and(isPaymentProvider, hasScope('payments:write')) },
  Mutation: { startPayment: chain(isUser, travellerOwnsBooking), recordPayment: and(isPaymentProvider, hasScope('payments:write')),
    recordRefund: and(isPaymentProvider, hasScope('payments:write')) },
};
