import type { FeatureModule } from '../graphql/feature-module.js';
import { TourAdminResolver } from './tour-admin.resolver.js';
import { tourAdminRules } from './tour-admin.rules.js';

/** Partners creating, changing and retiring their tours, as the app composes it. */
export const tourAdminModule: FeatureModule = {
  resolvers: [TourAdminResolver],
  rules: [tourAdminRules],
};
