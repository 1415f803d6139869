import { GraphQLError, type ASTNode } from 'graphql';

// NUL cannot be stored in Postgres text; a lone surrogate is no Unicode text at all.
// eslint-disable-next-line no-control-regex -- NUL is one of the characters it looks for
const UNSAFE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasUnsafeText(s: string): boolean {
  return UNSAFE.test(s);
}

export function unsafeTextError(node?: ASTNode, variable?: string): GraphQLError {
  const where = variable ? `Variable "$${variable}" holds a string` : 'A string value';
  return new GraphQLError(`${where} with a NUL character or a lone surrogate`, {
    nodes: node,
    extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
  });
}

/** True when any string inside a coerced variable value (lists, input objects, JSON scalars) is unsafe. */
export function holdsUnsafeText(value: unknown): boolean {
  if (typeof value === 'string') return hasUnsafeText(value);
  if (Array.isArray(value)) return value.some(holdsUnsafeText);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.entries(value).some(([k, v]) => hasUnsafeText(k) || holdsUnsafeText(v));
  }
  return false;
}
