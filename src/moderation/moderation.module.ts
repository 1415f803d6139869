import type { FeatureModule } from '../graphql/feature-module.js';
import { ModerationResolver } from './moderation.resolver.js';
import { ContentReport } from './content-report.entity.js';
import { moderationRules } from './moderation.rules.js';

/** The moderation feature as the app composes it. */
export const moderationModule: FeatureModule = {
  resolvers: [ModerationResolver],
  entities: [ContentReport],
  rules: [moderationRules],
};
