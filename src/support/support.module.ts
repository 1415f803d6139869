import type { FeatureModule } from '../graphql/feature-module.js';
import { SupportTicketResolver } from './support-ticket.resolver.js';
import { SupportTicket } from './support-ticket.entity.js';
import { supportTicketRules } from './support-ticket.rules.js';

/** The support feature as the app composes it. */
export const supportModule: FeatureModule = {
  resolvers: [SupportTicketResolver],
  entities: [SupportTicket],
  rules: [supportTicketRules],
};
