export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope';

export interface OAuthErrorResponse {
  status: 400 | 401;
  body: { error: OAuthErrorCode; error_description: string };
  headers: Record<string, string>;
}

export type OAuthResult<T> = { ok: true; value: T } | { ok: false; error: OAuthErrorResponse };

/** RFC 6749 5.2 error response; 401 with a Basic challenge only when the client tried HTTP Basic (RFC 6749 5.2 MUST). */
export function oauthError(code: OAuthErrorCode, description: string, basicAuthUsed = false): OAuthErrorResponse {
  const challenge = code === 'invalid_client' && basicAuthUsed;
  const headers: Record<string, string> = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };
  if (challenge) headers['WWW-Authenticate'] = 'Basic realm="qaztracker", charset="UTF-8"';
  // error_description is limited to printable ASCII without '"' and '\'.
  const safe = description.replace(/[^\x20\x21\x23-\x5B\x5D-\x7E]/g, '?');
  return { status: challenge ? 401 : 400, body: { error: code, error_description: safe }, headers };
}

export function oauthFailure(code: OAuthErrorCode, description: string, basicAuthUsed = false): { ok: false; error: OAuthErrorResponse } {
  return { ok: false, error: oauthError(code, description, basicAuthUsed) };
}
