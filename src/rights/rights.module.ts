import type { FeatureModule } from '../graphql/feature-module.js';
import { RightsResolver, MyPrivacyReportResolver } from './rights.resolver.js';
import { LegalHold } from './legal-hold.entity.js';
import { AccountErasure } from './account-erasure.entity.js';
import { rightsRules } from './rights.rules.js';

/** The rights feature as the app composes it. */
export const rightsModule: FeatureModule = {
  resolvers: [RightsResolver, MyPrivacyReportResolver],
  entities: [LegalHold, AccountErasure],
  rules: [rightsRules],
};
