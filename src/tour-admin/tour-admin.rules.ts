import { and } from 'graphql-shield';
import { hasScope, isPartner } from '../access/principal.rules.js';

// Partners manage their own tours only; ownership is part of every statement, so another partner's tour is NOT_FOUND.
const tourWriter = and(isPartner, hasScope('tours:write'));

export const tourAdminRules = {
  Query: { partnerTours: and(isPartner, hasScope('tours:read')) },
  Mutation: { createTour: tourWriter, updateTour: tourWriter, retireTour: tourWriter },
};
