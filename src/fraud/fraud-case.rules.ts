import { isAdmin } from '../access/principal.rules.js';

// Administrators open, close and list cases; what a case's reference shows is the privacy layer's decision (reference.service.ts).
export const opensFraudCases = isAdmin;
export const readsFraudCases = isAdmin;

export const fraudCaseRules = {
  Query: { fraudCases: readsFraudCases },
  Mutation: { openFraudCase: opensFraudCases, closeFraudCase: opensFraudCases },
};
