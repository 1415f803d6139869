import DataLoader from 'dataloader';
import { byKey } from '../graphql/group-by.js';
import type { LoadersFactory } from '../graphql/loaders.js';
import { latestPayments } from './payment.service.js';
import type { Payment } from './payment.type.js';

declare module '../graphql/loaders.js' {
  interface Loaders {
    /** A booking's latest payment attempt, or null. */
    latestPayment: DataLoader<string, Payment | null>;
  }
}

export const paymentLoaders: LoadersFactory = ({ sql }) => ({
  latestPayment: new DataLoader<string, Payment | null>(async (ids) => byKey(ids, await latestPayments(sql, ids), (p) => p.bookingId)),
});
