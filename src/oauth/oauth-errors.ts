import type { Language } from '../i18n/language.js';
import { localizeMessage } from '../i18n/message.localize.js';

export type OAuthErrorCode = 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unauthorized_client' | 'unsupported_grant_type' | 'invalid_scope';

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

/**
 * The body in the caller's language. RFC 6749 5.2 keeps error_description to printable ASCII, so it stays English; the
 * translation travels beside it under a language-tagged name, as RFC 7591 2.2 names human-readable values in other languages.
 */
export function describedIn<B extends { error: string; error_description: string }>(body: B, language: Language): B {
  if (language === 'en') return body;
  return { ...body, [`error_description#${language}`]: localizeMessage(body.error, body.error_description, language) };
}
