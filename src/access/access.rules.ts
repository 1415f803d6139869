import { deny } from 'graphql-shield';
import type { RuleTree } from './rule-tree.js';
import { tourRules } from '../tours/tour.rules.js';
import { bookingRules } from '../bookings/booking.rules.js';
import { authRuleTree } from '../auth/auth.rules.js';
import { personRules } from '../users/person.rules.js';
import { userRules } from '../users/user.rules.js';
import { consentRules } from '../consent/consent.rules.js';
import { disclosureRules } from '../audit/disclosure.rules.js';
import { analyticsRules } from '../analytics/analytics.rules.js';
import { rightsRules } from '../rights/rights.rules.js';
import { policyVersionRules } from '../consent/policy-version.rules.js';
import { moderationRules } from '../moderation/moderation.rules.js';
import { complaintRules } from '../complaints/complaint.rules.js';
import { authorityRequestRules } from '../authority/authority-request.rules.js';
import { tourAdminRules } from '../tours/tour-admin.rules.js';
import { paymentRules } from '../payments/payment.rules.js';
import { reviewRules } from '../reviews/review.rules.js';
import { fraudCaseRules } from '../fraud/fraud-case.rules.js';
import { supportTicketRules } from '../support/support-ticket.rules.js';
import { explainRules } from '../explain/explain.rules.js';
import { privacyIncidentRules } from '../incidents/privacy-incident.rules.js';

/** Every root field names its rule here; anything unlisted is denied. Other types appear only where a field needs a check. */
export const ACCESS_RULES: RuleTree = {
  Query: { '*': deny, ...tourRules.Query, ...bookingRules.Query, ...personRules.Query, ...userRules.Query, ...disclosureRules.Query, ...analyticsRules.Query,
    ...rightsRules.Query, ...policyVersionRules.Query, ...moderationRules.Query, ...complaintRules.Query, ...authorityRequestRules.Query,
    ...tourAdminRules.Query, ...paymentRules.Query, ...fraudCaseRules.Query, ...supportTicketRules.Query,
    ...explainRules.Query, ...privacyIncidentRules.Query },
  Mutation: { '*': deny, ...authRuleTree.Mutation, ...userRules.Mutation, ...consentRules.Mutation,
    ...rightsRules.Mutation, ...policyVersionRules.Mutation, ...moderationRules.Mutation, ...complaintRules.Mutation, ...authorityRequestRules.Mutation,
    ...tourAdminRules.Mutation, ...bookingRules.Mutation, ...paymentRules.Mutation, ...reviewRules.Mutation, ...fraudCaseRules.Mutation,
    ...supportTicketRules.Mutation, ...privacyIncidentRules.Mutation },
  Tour: { ...bookingRules.Tour },
};
