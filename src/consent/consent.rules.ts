import { isUser } from '../access/principal.rules.js';

// Consent is the traveller's own decision: nobody else may give or withdraw it.
export const consentRules = {
  Mutation: { grantConsent: isUser, withdrawConsent: isUser },
};
