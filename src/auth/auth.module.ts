import type { FeatureModule } from '../graphql/feature-module.js';
import { LoginResolver } from '../identity/login.resolver.js';
import { ApiClientResolver } from '../oauth/api-client.resolver.js';
import { TokenRevocationResolver } from '../oauth/token-revocation.resolver.js';
import { StaffAccountResolver } from '../identity/staff-account.resolver.js';
import { ApiClient } from '../oauth/api-client.entity.js';
import { AppClient } from '../oauth/app-client.entity.js';
import { LoginCode } from '../identity/login-code.entity.js';
import { Session } from '../identity/session.entity.js';
import { RevokedToken } from '../oauth/revoked-token.entity.js';
import { authRuleTree } from '../access/principal.rules.js';

/** The auth feature as the app composes it. */
export const authModule: FeatureModule = {
  resolvers: [LoginResolver, ApiClientResolver, TokenRevocationResolver, StaffAccountResolver],
  entities: [ApiClient, AppClient, LoginCode, Session, RevokedToken],
  rules: [authRuleTree],
};
