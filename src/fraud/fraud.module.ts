import type { FeatureModule } from '../graphql/feature-module.js';
import { FraudCaseResolver } from './fraud-case.resolver.js';
import { FraudCase } from './fraud-case.entity.js';
import { FraudCaseSubject } from './fraud-case-subject.entity.js';
import { fraudCaseRules } from './fraud-case.rules.js';

/** The fraud feature as the app composes it. */
export const fraudModule: FeatureModule = {
  resolvers: [FraudCaseResolver],
  entities: [FraudCase, FraudCaseSubject],
  rules: [fraudCaseRules],
};
