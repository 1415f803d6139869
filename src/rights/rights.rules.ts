import { isAdmin, isUser } from '../access/principal.rules.js';

// Rights are exercised by the person alone; removing someone else's account is an administrator's enforcement of the terms.
export const rightsRules = {
  Query: { myPrivacyReport: isUser, exportMyData: isUser },
  Mutation: { deleteMyAccount: isUser, removeAccount: isAdmin },
};
