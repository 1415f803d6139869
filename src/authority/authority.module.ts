import type { FeatureModule } from '../graphql/feature-module.js';
import { AuthorityRequestResolver } from './authority-request.resolver.js';
import { AuthorityRequest } from './authority-request.entity.js';
import { authorityRequestRules } from './authority-request.rules.js';

/** The authority feature as the app composes it. */
export const authorityModule: FeatureModule = {
  resolvers: [AuthorityRequestResolver],
  entities: [AuthorityRequest],
  rules: [authorityRequestRules],
};
