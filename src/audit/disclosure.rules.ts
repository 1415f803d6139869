import { and, rule } from 'graphql-shield';
import { isStaff } from '../auth/auth.rules.js';
import type { GatewayContext } from '../graphql/context.js';
import { ForbiddenError } from '../graphql/errors.js';

// Reads only the principal, so one answer per request is exact; auth.rules.ts has no auditor rule of its own.
const auditing = rule('auditing', { cache: 'contextual' })((_parent, _args, ctx: GatewayContext) =>
  (ctx.principal.kind === 'AUDITOR' && ctx.principal.purpose === 'AUDIT') || new ForbiddenError('Auditors only, for the purpose AUDIT', 'NOT_AUDITOR'));

// The whole log is for professional advisers auditing compliance (policy §8); subjects see theirs through me.
export const disclosureRules = {
  Query: { disclosureLog: and(isStaff, auditing) },
};
