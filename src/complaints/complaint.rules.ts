import { rule } from 'graphql-shield';
import { isUser } from '../access/principal.rules.js';
import type { GatewayContext } from '../graphql/context.js';
import { ForbiddenError, UnauthenticatedError } from '../graphql/errors.js';

// Reads the principal only, so one answer per request is exact.
export const handlesComplaints = rule('handlesComplaints', { cache: 'contextual' })((_parent, _args, ctx: GatewayContext) => {
  const { kind } = ctx.principal;
  if (kind === 'ANONYMOUS') return new UnauthenticatedError();
  return kind === 'SUPPORT' || kind === 'ADMIN' || new ForbiddenError('Support and administrators only', 'NOT_COMPLAINT_HANDLER');
});

export const complaintRules = {
  Query: { myComplaints: isUser, complaints: handlesComplaints },
  Mutation: { fileComplaint: isUser, setComplaintStatus: handlesComplaints },
};
