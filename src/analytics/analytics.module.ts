import type { FeatureModule } from '../graphql/feature-module.js';
import { AnalyticsResolver } from './analytics.resolver.js';
import { AnalyticsBudgetSpend } from './analytics-budget-spend.entity.js';
import { AnalyticsRelease } from './analytics-release.entity.js';
import { analyticsRules } from './analytics.rules.js';

/** The analytics feature as the app composes it. */
export const analyticsModule: FeatureModule = {
  resolvers: [AnalyticsResolver],
  entities: [AnalyticsBudgetSpend, AnalyticsRelease],
  rules: [analyticsRules],
};
