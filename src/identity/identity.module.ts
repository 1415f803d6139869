import type { FeatureModule } from '../graphql/feature-module.js';
import { LoginResolver } from './login.resolver.js';
import { StaffAccountResolver } from './staff-account.resolver.js';
import { LoginCode } from './login-code.entity.js';
import { Session } from './session.entity.js';
import { identityRuleTree } from './identity.rules.js';

/** Signing in by SMS code, sessions and staff accounts, as the app composes them. */
export const identityModule: FeatureModule = {
  resolvers: [LoginResolver, StaffAccountResolver],
  entities: [LoginCode, Session],
  rules: [identityRuleTree],
};
