import { and, rule } from 'graphql-shield';
import { isAdminOrAuditor } from '../access/principal.rules.js';
import type { GatewayContext } from '../graphql/context.js';
import { ForbiddenError } from '../graphql/errors.js';

/** For fields that act as the caller (spend a budget, record an answer, explain again): an explained request may only read. */
export const notExplaining = rule('notExplaining', { cache: 'contextual' })(
  (_parent, _args, ctx: GatewayContext) => !ctx.privacy.explained || new ForbiddenError('This field acts for the caller and is not explained', 'NOT_EXPLAINABLE'),
);

export const explainRules = {
  Query: { explain: and(isAdminOrAuditor, notExplaining) },
};
