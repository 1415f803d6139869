import { rule } from 'graphql-shield';
import { isUser } from '../access/principal.rules.js';
import type { GatewayContext } from '../graphql/context.js';
import { ForbiddenError, UnauthenticatedError } from '../graphql/errors.js';

// Reads the principal only, so one answer per request is exact.
export const isSupportAgent = rule('isSupportAgent', { cache: 'contextual' })((_parent, _args, ctx: GatewayContext) => {
  const { kind } = ctx.principal;
  if (kind === 'ANONYMOUS') return new UnauthenticatedError();
  return kind === 'SUPPORT' || new ForbiddenError('Support staff only', 'NOT_SUPPORT');
});

export const supportTicketRules = {
  Query: { mySupportTickets: isUser, supportQueue: isSupportAgent },
  Mutation: { openSupportTicket: isUser, takeSupportTicket: isSupportAgent, closeSupportTicket: isSupportAgent },
};
