// SQLSTATEs of a database that is away, overloaded or cut a statement short: the request may succeed if retried.
const UNAVAILABLE_STATES = new Set(['57014', '55P03', '57P01', '57P02', '57P03', '57P05', '25P03', '53300', '53400', '40P01', '40001']);
const UNAVAILABLE_CLASSES = ['08', '53'];
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
// pg and pg-pool raise these without a code.
const CLIENT_MESSAGES = [/^timeout exceeded when trying to connect/, /^Connection terminated/, /not queryable/, /Query read timeout/];

function isFault(e: { code?: unknown; message?: unknown }): boolean {
  const code = typeof e.code === 'string' ? e.code : '';
  if (UNAVAILABLE_STATES.has(code) || NETWORK_CODES.has(code)) return true;
  if (code.length === 5 && UNAVAILABLE_CLASSES.includes(code.slice(0, 2))) return true;
  const message = typeof e.message === 'string' ? e.message : '';
  return !code && CLIENT_MESSAGES.some((m) => m.test(message));
}

/** True when an error (or what it wraps: GraphQL's originalError, a cause, an AggregateError's parts) says the database is unavailable. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as { code?: unknown; message?: unknown; originalError?: unknown; cause?: unknown; errors?: unknown };
  if (isFault(e)) return true;
  const inner = [e.originalError, e.cause, ...(Array.isArray(e.errors) ? (e.errors as unknown[]) : [])];
  return inner.some((x) => x !== error && isDatabaseUnavailable(x, depth + 1));
}
