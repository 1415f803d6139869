import type { FeatureModule } from '../graphql/feature-module.js';
import { PrivacyIncidentResolver } from './privacy-incident.resolver.js';
import { PrivacyIncident } from './privacy-incident.entity.js';
import { RecipientReleaseSlot } from './recipient-release-slot.entity.js';
import { privacyIncidentRules } from './privacy-incident.rules.js';

/** The incidents feature as the app composes it. */
export const incidentsModule: FeatureModule = {
  resolvers: [PrivacyIncidentResolver],
  entities: [PrivacyIncident, RecipientReleaseSlot],
  rules: [privacyIncidentRules],
};
