import { AuthError } from '../access/auth.errors.js';

// RFC 6750 b64token; the scheme name is case-insensitive (RFC 9110 11.1), the single space is not optional here.
const BEARER = /^bearer ([A-Za-z0-9\-._~+/]+=*)$/i;
const MAX_HEADER_LENGTH = 8192;

/** The bearer token, or null for an anonymous request. */
export function parseAuthorization(headerValue: string | string[] | undefined): string | null {
  if (headerValue === undefined) return null;
  if (Array.isArray(headerValue) && headerValue.length !== 1) throw new AuthError('TOKEN_MALFORMED');
  const value = Array.isArray(headerValue) ? headerValue[0] : headerValue;
  // A comma means a second credential was folded into the same field.
  if (value.length > MAX_HEADER_LENGTH || value.includes(',')) throw new AuthError('TOKEN_MALFORMED');
  const match = BEARER.exec(value);
  if (!match) throw new AuthError('TOKEN_MALFORMED');
  return match[1];
}
