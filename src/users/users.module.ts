import type { FeatureModule } from '../graphql/feature-module.js';
import { PersonResolver } from './person.resolver.js';
import { MeResolver } from './me.resolver.js';
import { ProfileResolver } from './profile.resolver.js';
import { User } from './user.entity.js';
import { UserKey } from './user-key.entity.js';
import { personRules } from './person.rules.js';
import { userRules } from './user.rules.js';
import { userLoaders } from './user.loaders.js';

/** The users feature as the app composes it. */
export const usersModule: FeatureModule = {
  resolvers: [PersonResolver, MeResolver, ProfileResolver],
  entities: [User, UserKey],
  rules: [personRules, userRules],
  loaders: userLoaders,
};
