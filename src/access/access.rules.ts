import { deny } from 'graphql-shield';
import type { RuleTree } from './rule-tree.js';
import { tourRules } from '../tours/tour.rules.js';
import { bookingRules } from '../bookings/booking.rules.js';
import { authRuleTree } from '../auth/auth.rules.js';
import { personRules } from '../users/person.rules.js';
import { userRules } from '../users/user.rules.js';
import { consentRules } from '../consent/consent.rules.js';

/** Every root field names its rule here; anything unlisted is denied. Other types appear only where a field needs a check. */
export const ACCESS_RULES: RuleTree = {
  Query: { '*': deny, ...tourRules.Query, ...bookingRules.Query, ...personRules.Query, ...userRules.Query },
  Mutation: { '*': deny, ...authRuleTree.Mutation, ...userRules.Mutation, ...consentRules.Mutation },
  Tour: { ...bookingRules.Tour },
};
