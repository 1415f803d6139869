import type { FeatureModule } from '../graphql/feature-module.js';
import { MyDisclosuresResolver, DisclosureLogResolver } from './disclosure.resolver.js';
import { Disclosure } from './disclosure.entity.js';
import { disclosureRules } from './disclosure.rules.js';

/** The audit feature as the app composes it. */
export const auditModule: FeatureModule = {
  resolvers: [MyDisclosuresResolver, DisclosureLogResolver],
  entities: [Disclosure],
  rules: [disclosureRules],
};
