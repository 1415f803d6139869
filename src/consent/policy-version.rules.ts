import { allowAll, isAdmin, isUser } from '../access/principal.rules.js';

export const policyVersionRules = {
  Query: { currentPolicyVersion: allowAll, pendingPolicyAcceptance: isUser },
  Mutation: { publishPolicyVersion: isAdmin, acceptPolicyVersion: isUser },
};
