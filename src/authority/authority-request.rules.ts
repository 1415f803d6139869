import { isAdmin } from '../auth/auth.rules.js';

export const authorityRequestRules = {
  Query: { authorityRequests: isAdmin },
  Mutation: { recordAuthorityRequest: isAdmin, approveAuthorityRequest: isAdmin },
};
