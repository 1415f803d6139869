import { rule } from 'graphql-shield';
import { isAdmin } from '../access/principal.rules.js';
import type { GatewayContext } from '../graphql/context.js';
import { ForbiddenError, UnauthenticatedError } from '../graphql/errors.js';

// Reads the principal only, so one answer per request is exact.
export const isAuthority = rule('isAuthority', { cache: 'contextual' })((_parent, _args, ctx: GatewayContext) => {
  const { kind } = ctx.principal;
  if (kind === 'ANONYMOUS') return new UnauthenticatedError();
  return kind === 'AUTHORITY' || new ForbiddenError('Authorities only', 'NOT_AUTHORITY');
});

export const authorityRequestRules = {
  Query: { authorityRequests: isAdmin, myAuthorityRequests: isAuthority },
  Mutation: { recordAuthorityRequest: isAdmin, approveAuthorityRequest: isAdmin },
};
