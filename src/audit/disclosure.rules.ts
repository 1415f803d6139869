import { and } from 'graphql-shield';
import { isAuditing, isStaff } from '../access/principal.rules.js';

// The whole log is for professional advisers auditing compliance (policy §8); subjects see theirs through me.
export const disclosureRules = {
  Query: { disclosureLog: and(isStaff, isAuditing) },
};
