import { allow } from 'graphql-shield';

// The catalogue is public: anonymous callers browse tours and their reviews.
export const tourRules = {
  Query: { tours: allow, tour: allow },
};
