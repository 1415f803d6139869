import { isAnalyst } from '../auth/auth.rules.js';

export const analyticsRules = {
  Query: { analytics: isAnalyst },
};
