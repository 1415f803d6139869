import type { FeatureModule } from '../graphql/feature-module.js';
import { ConsentResolver } from './consent.resolver.js';
import { MeConsentsResolver } from './me-consents.resolver.js';
import { PolicyVersionResolver } from './policy-version.resolver.js';
import { PolicyVersion } from './policy-version.entity.js';
import { Consent } from './consent.entity.js';
import { ConsentEvent } from './consent-event.entity.js';
import { consentRules } from './consent.rules.js';
import { policyVersionRules } from './policy-version.rules.js';

/** The consent feature as the app composes it. */
export const consentModule: FeatureModule = {
  resolvers: [ConsentResolver, MeConsentsResolver, PolicyVersionResolver],
  entities: [PolicyVersion, Consent, ConsentEvent],
  rules: [consentRules, policyVersionRules],
};
