import type { FeatureModule } from '../graphql/feature-module.js';
import { TourResolver } from './tour.resolver.js';
import { Tour } from './tour.entity.js';
import { TourDateChange } from './tour-date-change.entity.js';
import { tourRules } from './tour.rules.js';
import { tourLoaders } from './tour.loaders.js';

/** The tours feature as the app composes it. */
export const toursModule: FeatureModule = {
  resolvers: [TourResolver],
  entities: [Tour, TourDateChange],
  rules: [tourRules],
  loaders: tourLoaders,
};
