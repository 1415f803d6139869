export type AuthErrorCode =
  | 'TOKEN_MALFORMED'
  | 'TOKEN_EXPIRED'
  | 'TOKEN_NOT_YET_VALID'
  | 'TOKEN_AUDIENCE'
  | 'TOKEN_ISSUER'
  | 'TOKEN_ALGORITHM'
  | 'TOKEN_UNKNOWN_KEY'
  | 'TOKEN_TYPE'
  | 'TOKEN_SIGNATURE'
  | 'TOKEN_CLAIMS'
  | 'TOKEN_REVOKED'
  | 'TOKEN_ROLE'
  | 'TOKEN_CLIENT'
  | 'INSUFFICIENT_SCOPE'
  | 'KEYS_UNAVAILABLE';

// Fixed texts: a message must never echo the token or anything decoded from it.
const MESSAGES: Record<AuthErrorCode, string> = {
  TOKEN_MALFORMED: 'The Authorization header or the access token is malformed',
  TOKEN_EXPIRED: 'The access token has expired',
  TOKEN_NOT_YET_VALID: 'The access token is not valid yet',
  TOKEN_AUDIENCE: 'The access token is not meant for this service',
  TOKEN_ISSUER: 'The access token comes from an untrusted issuer',
  TOKEN_ALGORITHM: 'The access token uses a signing algorithm that is not accepted',
  TOKEN_UNKNOWN_KEY: 'The access token was signed with an unknown key',
  TOKEN_TYPE: 'The token is not an access token',
  TOKEN_SIGNATURE: 'The access token signature is invalid',
  TOKEN_CLAIMS: 'The access token lacks required claims or has invalid ones',
  TOKEN_REVOKED: 'The access token has been revoked',
  TOKEN_ROLE: 'The access token names no role that maps to exactly one staff kind',
  TOKEN_CLIENT: 'The access token names no registered, enabled client that may hold it',
  INSUFFICIENT_SCOPE: 'The access token does not grant the required scope',
  KEYS_UNAVAILABLE: 'The token signing keys are unavailable',
};

export class AuthError extends Error {
  override readonly name = 'AuthError';
  readonly status: 401 | 403 | 503;

  constructor(readonly code: AuthErrorCode, options?: { cause?: unknown }) {
    super(MESSAGES[code], options);
    this.status = code === 'INSUFFICIENT_SCOPE' ? 403 : code === 'KEYS_UNAVAILABLE' ? 503 : 401;
  }

  /** The RFC 6750 challenge for the WWW-Authenticate response header. */
  get wwwAuthenticate(): string {
    const error = this.code === 'INSUFFICIENT_SCOPE' ? 'insufficient_scope' : this.code === 'TOKEN_MALFORMED' ? 'invalid_request' : 'invalid_token';
    return `Bearer realm="qaztracker", error="${error}", error_description="${this.message}"`;
  }
}
