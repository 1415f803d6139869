import { rule } from 'graphql-shield';
import { isUser } from '../access/principal.rules.js';
import type { GatewayContext } from '../graphql/context.js';
import { ForbiddenError, UnauthenticatedError } from '../graphql/errors.js';

// Reads the principal only, so one answer per request is exact.
export const isModerator = rule('isModerator', { cache: 'contextual' })((_parent, _args, ctx: GatewayContext) => {
  const { kind } = ctx.principal;
  if (kind === 'ANONYMOUS') return new UnauthenticatedError();
  return kind === 'MODERATOR' || new ForbiddenError('Moderators only', 'NOT_MODERATOR');
});

export const moderationRules = {
  Query: { moderationQueue: isModerator },
  Mutation: { reportContent: isUser, moderateReview: isModerator },
};
