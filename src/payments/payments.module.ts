import type { FeatureModule } from '../graphql/feature-module.js';
import { PaymentResolver } from './payment.resolver.js';
import { RefundResolver } from './refund.resolver.js';
import { Payment } from './payment.entity.js';
import { Refund } from './refund.entity.js';
import { paymentRules } from './payment.rules.js';

/** The payments feature as the app composes it. */
export const paymentsModule: FeatureModule = {
  resolvers: [PaymentResolver, RefundResolver],
  entities: [Payment, Refund],
  rules: [paymentRules],
};
