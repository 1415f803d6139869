import type { FeatureModule } from '../graphql/feature-module.js';
import { Partner } from './partner.entity.js';

/** Partners: the companies behind API clients (tour operators, payment providers). */
export const partnersModule: FeatureModule = {
  entities: [Partner],
};
