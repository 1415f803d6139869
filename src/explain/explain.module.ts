import type { FeatureModule } from '../graphql/feature-module.js';
import { ExplainResolver } from './explain.resolver.js';
import { ExplainRequest } from './explain-request.entity.js';
import { explainRules } from './explain.rules.js';

/** The explain feature as the app composes it. */
export const explainModule: FeatureModule = {
  resolvers: [ExplainResolver],
  entities: [ExplainRequest],
  rules: [explainRules],
};
