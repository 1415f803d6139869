import { deny } from 'graphql-shield';
import type { RuleTree } from './rule-tree.js';
import { tourRules } from '../tours/tour.rules.js';

/** Every root field names its rule here; anything unlisted is denied. */
export const ACCESS_RULES: RuleTree = {
  Query: { '*': deny, ...tourRules.Query },
  Mutation: { '*': deny },
};

