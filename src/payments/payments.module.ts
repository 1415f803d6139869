import type { FeatureModule } from '../graphql/feature-module.js';
import { PaymentResolver } from './payment.resolver.js';
import { RefundResolver } from './refund.resolver.js';
import { BookingCancelResolver } from './booking-cancel.resolver.js';
import { TravellerBookingPaymentResolver } from './traveller-booking-payment.resolver.js';
import { Payment } from './payment.entity.js';
import { Refund } from './refund.entity.js';
import { paymentRules } from './payment.rules.js';
import { paymentLoaders } from './payment.loaders.js';

/** The payments feature as the app composes it. */
export const paymentsModule: FeatureModule = {
  resolvers: [PaymentResolver, RefundResolver, BookingCancelResolver, TravellerBookingPaymentResolver],
  entities: [Payment, Refund],
  rules: [paymentRules],
  loaders: paymentLoaders,
};
