import type { FeatureModule } from '../graphql/feature-module.js';
import { ApiClientResolver } from './api-client.resolver.js';
import { TokenRevocationResolver } from './token-revocation.resolver.js';
import { ApiClient } from './api-client.entity.js';
import { AppClient } from './app-client.entity.js';
import { RevokedToken } from './revoked-token.entity.js';
import { oauthRuleTree } from './oauth.rules.js';

/** API and app clients, their tokens and revocation, as the app composes them. */
export const oauthModule: FeatureModule = {
  resolvers: [ApiClientResolver, TokenRevocationResolver],
  entities: [ApiClient, AppClient, RevokedToken],
  rules: [oauthRuleTree],
};
