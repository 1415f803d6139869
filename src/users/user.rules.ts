import { isUser } from '../access/principal.rules.js';

// The caller's own account: travellers only, each reaching nothing but their own row.
export const userRules = {
  Query: { me: isUser },
  Mutation: { updateProfile: isUser },
};
