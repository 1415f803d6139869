import { isAdmin, isAdminOrAuditor } from '../access/principal.rules.js';

// Lifting a hold lets FULL values flow again: an administrator's decision alone.
export const privacyIncidentRules = {
  Query: { privacyIncidents: isAdminOrAuditor },
  Mutation: { clearIncidentHold: isAdmin, recordIncidentNotification: isAdminOrAuditor, closeIncident: isAdminOrAuditor },
};
