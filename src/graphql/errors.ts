import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Language } from '../i18n/language.js';
import { localizeMessage } from '../i18n/message.localize.js';
import { VALUE_WITHHELD } from '../i18n/messages.catalogue.js';

// The few error classes clients can rely on: fixed codes, messages without personal data (access's two are declared there).
export { ForbiddenError, UnauthenticatedError } from '../access/access.errors.js';

export class BadInputError extends GraphQLError {
  constructor(message: string, field?: string) {
    super(message, { extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}) } });
  }
}

export class NotFoundError extends GraphQLError {
  constructor(what: string) {
    super(`${what} not found`, { extensions: { code: 'NOT_FOUND' } });
  }
}

export class TooManyRequestsError extends GraphQLError {
  constructor(retryAfterSeconds: number) {
    super('Too many attempts; try again later', { extensions: { code: 'RATE_LIMITED', retryAfterSeconds } });
  }
}

/** Seconds a client should wait before retrying a request the gateway could not serve for now. */
export const RETRY_AFTER_SECONDS = 2;

// The database is away, overloaded or too slow, or the request's deadline passed: retriable, answered with HTTP 503 and Retry-After.
export class UnavailableError extends GraphQLError {
  constructor() {
    super('Service temporarily unavailable; retry later', { extensions: { code: 'UNAVAILABLE', retryAfterSeconds: RETRY_AFTER_SECONDS } });
  }
}

// The SMS gateway took no login code after its retries: retriable, and the message says nothing of the phone or the code.
export class SmsNotDeliveredError extends GraphQLError {
  constructor() {
    super('The login code could not be sent; try again later', { extensions: { code: 'SMS_NOT_DELIVERED', retryAfterSeconds: RETRY_AFTER_SECONDS } });
  }
}

/** The codes a GraphQL error keeps; any other becomes INTERNAL_SERVER_ERROR. */
export const PASS_THROUGH: ReadonlySet<string> = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'DISCLOSURE_LOG_FAILED',
  'UNAVAILABLE',
  'QUERY_TOO_COMPLEX',
  'SUBSCRIPTIONS_NOT_SUPPORTED',
  'SMS_NOT_DELIVERED',
]);

// Codes our validation rules set, which Apollo overwrites with GRAPHQL_VALIDATION_FAILED; the rule's own error stays as originalError.
const RULE_CODES = new Set(['QUERY_TOO_COMPLEX', 'BAD_USER_INPUT']);
// Apollo's answer to a persisted query whose hash does not match its text carries no code of its own.
const HASH_MISMATCH = 'provided sha does not match query';

/** Apollo's formatError: gives refusals from validation rules and persisted-query misses their fixed codes. */
export function restoreCode(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  const ruleCode = original instanceof GraphQLError ? original.extensions.code : undefined;
  if (formatted.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' && typeof ruleCode === 'string' && RULE_CODES.has(ruleCode)) {
    return { ...formatted, extensions: { ...formatted.extensions, code: ruleCode } };
  }
  if (formatted.message === HASH_MISMATCH) {
    return { ...formatted, extensions: { ...formatted.extensions, code: 'PERSISTED_QUERY_NOT_FOUND' } };
  }
  return formatted;
}

const QUOTED = /"((?:[^"\\]|\\.)*)"/g;
// graphql-js appends suggestions to validation and coercion messages; production names no schema members it was not asked for.
const SUGGESTION = /\s*Did you mean [^?]*\?/g;
// The parser's token limit states its threshold (graphql-js spells it 'more that'); production does not tell how close a probe came.
const TOKEN_LIMIT = /contains more tha[nt] \d+ tokens/;

function productionMessage(message: string): string {
  return message.replace(SUGGESTION, '').replace(TOKEN_LIMIT, 'contains too many tokens');
}
const LONG_NUMBER = /\d{5,}/g;

/** graphql-js quotes the caller's input in coercion and validation messages; only schema names and $variables survive. */
export function scrubMessage(message: string, schemaNames: ReadonlySet<string>): string {
  return message
    .replace(QUOTED, (whole, inner: string) => (inner.startsWith('$') || schemaNames.has(inner) ? whole : `"${VALUE_WITHHELD.en}"`))
    .replace(LONG_NUMBER, VALUE_WITHHELD.en);
}

/** Known errors pass with scrubbed messages in the caller's language; anything else becomes a generic message carrying the request id. */
export function maskError(
  formatted: GraphQLFormattedError,
  requestId: string | undefined,
  schemaNames: ReadonlySet<string>,
  production: boolean,
  language: Language,
): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PASS_THROUGH.has(code)) {
    const { stacktrace: _drop, ...ext } = formatted.extensions ?? {};
    // Scrubbed in English first, so that only what survived the scrub is carried into the translation.
    const message = scrubMessage(production ? productionMessage(formatted.message) : formatted.message, schemaNames);
    return { ...formatted, message: localizeMessage(code, message, language), extensions: ext };
  }
  return {
    message: localizeMessage('INTERNAL_SERVER_ERROR', `Internal error; quote request id ${requestId ?? 'unknown'} to support`, language),
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
  };
}
