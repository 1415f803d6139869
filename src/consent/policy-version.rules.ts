import { allowAll, isAdmin, isUser } from '../auth/auth.rules.js';

export const policyVersionRules = {
  Query: { currentPolicyVersion: allowAll, pendingPolicyAcceptance: isUser },
  Mutation: { publishPolicyVersion: isAdmin, acceptPolicyVersion: isUser },
};
