import { isUser } from '../access/principal.rules.js';

// Reviews are written by travellers only; completing the tour is checked with the insert.
export const reviewRules = {
  Mutation: { createReview: isUser },
};
