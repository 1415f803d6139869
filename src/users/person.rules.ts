import { isStaff } from '../access/principal.rules.js';

// Staff look people up by id; what each field shows is the privacy layer's decision.
export const personRules = {
  Query: { person: isStaff },
};
