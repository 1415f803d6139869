import type { RuleTree } from '../access/rule-tree.js';
import { allowAll, isAdmin, isAuthenticated } from '../access/principal.rules.js';

export const identityRuleTree = {
  Mutation: {
    requestLoginCode: allowAll,
    verifyLoginCode: allowAll,
    refreshSession: allowAll,
    logout: isAuthenticated,
    createStaffAccount: isAdmin,
    disableStaffAccount: isAdmin,
  },
} satisfies RuleTree;
