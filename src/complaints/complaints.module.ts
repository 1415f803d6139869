import type { FeatureModule } from '../graphql/feature-module.js';
import { ComplaintResolver, StaffComplaintResolver } from './complaint.resolver.js';
import { Complaint } from './complaint.entity.js';
import { complaintRules } from './complaint.rules.js';

/** The complaints feature as the app composes it. */
export const complaintsModule: FeatureModule = {
  resolvers: [ComplaintResolver, StaffComplaintResolver],
  entities: [Complaint],
  rules: [complaintRules],
};
