import { rule } from 'graphql-shield';
import type { GatewayContext } from '../graphql/context.js';
import { ForbiddenError, UnauthenticatedError } from '../graphql/errors.js';

// Reads only the request's principal, so one answer per request ('contextual') is exact.
export const isAnalyst = rule('isAnalyst', { cache: 'contextual' })((_parent, _args, ctx: GatewayContext) => {
  const p = ctx.principal;
  if (p.kind === 'ANONYMOUS') return new UnauthenticatedError();
  return (p.kind === 'ANALYST' && p.purpose === 'ANALYTICS') || new ForbiddenError('Analysts working for the ANALYTICS purpose only', 'NOT_ANALYST');
});

export const analyticsRules = {
  Query: { analytics: isAnalyst },
};
