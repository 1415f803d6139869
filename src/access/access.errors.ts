import { GraphQLError } from 'graphql';

// Access's two refusals, below everything that raises them; graphql/errors.ts lists them with the other error classes clients rely on.
export class UnauthenticatedError extends GraphQLError {
  constructor(message = 'Authentication required', code = 'UNAUTHENTICATED') {
    super(message, { extensions: { code, http: { status: 401 } } });
  }
}

export class ForbiddenError extends GraphQLError {
  constructor(message = 'Not allowed', reason?: string) {
    super(message, { extensions: { code: 'FORBIDDEN', ...(reason ? { reason } : {}) } });
  }
}
