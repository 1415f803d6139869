import { and, or } from 'graphql-shield';
import { hasScope, isAuthenticated, isPartner, isPaymentProvider, isUser } from '../access/principal.rules.js';

// Travellers choose a provider for their own bookings; only that provider's client reports the result.
export const paymentRules = {
  Query: { paymentProviders: isAuthenticated, providerPayments: and(isPaymentProvider, hasScope('payments:write')),
    pendingRefunds: and(isPaymentProvider, hasScope('payments:write')) },
  Mutation: { startPayment: isUser, cancelBooking: or(isUser, and(isPartner, or(hasScope('bookings:read'), hasScope('tours:write')))), recordPayment: and(isPaymentProvider, hasScope('payments:write')),
    recordRefund: and(isPaymentProvider, hasScope('payments:write')) },
};
