import { soleEnglishMessage } from '../i18n/message.localize.js';

export const AUTH_ERROR_CODES = Object.freeze([
  'TOKEN_MALFORMED',
  'TOKEN_EXPIRED',
  'TOKEN_NOT_YET_VALID',
  'TOKEN_AUDIENCE',
  'TOKEN_ISSUER',
  'TOKEN_ALGORITHM',
  'TOKEN_UNKNOWN_KEY',
  'TOKEN_TYPE',
  'TOKEN_SIGNATURE',
  'TOKEN_CLAIMS',
  'TOKEN_REVOKED',
  'TOKEN_ROLE',
  'TOKEN_CLIENT',
  'INSUFFICIENT_SCOPE',
  'KEYS_UNAVAILABLE',
] as const);
export type AuthErrorCode = (typeof AUTH_ERROR_CODES)[number];

export class AuthError extends Error {
  override readonly name = 'AuthError';
  readonly status: 401 | 403 | 503;

  constructor(
    readonly code: AuthErrorCode,
    options?: { cause?: unknown },
  ) {
    // Fixed texts from the message catalogue: a message must never echo the token or anything decoded from it.
    super(soleEnglishMessage(code), options);
    this.status = code === 'INSUFFICIENT_SCOPE' ? 403 : code === 'KEYS_UNAVAILABLE' ? 503 : 401;
  }

  /** The RFC 6750 challenge for the WWW-Authenticate response header. */
  get wwwAuthenticate(): string {
    const error = this.code === 'INSUFFICIENT_SCOPE' ? 'insufficient_scope' : this.code === 'TOKEN_MALFORMED' ? 'invalid_request' : 'invalid_token';
    return `Bearer realm="qaztracker", error="${error}", error_description="${this.message}"`;
  }
}
