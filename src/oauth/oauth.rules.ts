import type { RuleTree } from '../access/rule-tree.js';
import { isAdmin } from '../access/principal.rules.js';

export const oauthRuleTree = {
  Mutation: {
    registerApiClient: isAdmin,
    rotateApiClientSecret: isAdmin,
    disableApiClient: isAdmin,
    revokeToken: isAdmin,
  },
} satisfies RuleTree;
