import { and } from 'graphql-shield';
import { hasScope, isAuthenticated, isPaymentProvider, isUser } from '../access/principal.rules.js';

// Travellers choose a provider for their own bookings; only that provider's client reports the result.
export const paymentRules = {
  Query: { paymentProviders: isAuthenticated, providerPayments: and(isPaymentProvider, hasScope('payments:write')),
    pendingRefunds: and(isPaymentProvider, hasScope('payments:write')) },
  Mutation: { startPayment: isUser, recordPayment: and(isPaymentProvider, hasScope('payments:write')),
    recordRefund: and(isPaymentProvider, hasScope('payments:write')) },
};
