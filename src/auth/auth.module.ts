import type { FeatureModule } from '../graphql/feature-module.js';
import { LoginResolver } from './login.resolver.js';
import { ApiClientResolver } from './api-client.resolver.js';
import { TokenRevocationResolver } from './token-revocation.resolver.js';
import { StaffAccountResolver } from './staff-account.resolver.js';
import { ApiClient } from './api-client.entity.js';
import { AppClient } from './app-client.entity.js';
import { LoginCode } from './login-code.entity.js';
import { Session } from './session.entity.js';
import { RevokedToken } from './revoked-token.entity.js';
import { authRuleTree } from './auth.rules.js';

/** The auth feature as the app composes it. */
export const authModule: FeatureModule = {
  resolvers: [LoginResolver, ApiClientResolver, TokenRevocationResolver, StaffAccountResolver],
  entities: [ApiClient, AppClient, LoginCode, Session, RevokedToken],
  rules: [authRuleTree],
};
