import { oauthFailure, type OAuthResult } from './oauth-errors.js';

export type ClientAuthMethod = 'client_secret_basic' | 'client_secret_post';

export interface TokenRequest {
  grantType: 'client_credentials';
  clientId: string;
  clientSecret: string;
  /** Null when the client asked for no particular scope. */
  scope: string[] | null;
  authMethod: ClientAuthMethod;
}

interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

const FORM = 'application/x-www-form-urlencoded';
const BASIC = /^basic ([A-Za-z0-9+/]+={0,2})$/i;
/** An OAuth scope-token (RFC 6749 section 3.3). */
export const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;
// Bounds what reaches scrypt; real ids and secrets are far shorter.
const MAX_CREDENTIAL_LENGTH = 512;
const utf8 = new TextDecoder('utf-8', { fatal: true });

function formDecode(value: string): string | null {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

function usable(...values: (string | null)[]): boolean {
  return values.every((v) => v !== null && v.length > 0 && v.length <= MAX_CREDENTIAL_LENGTH);
}

// RFC 6749 2.3.1: id and secret are form-urlencoded before being joined with ':' and base64-encoded.
function parseBasic(header: string | string[]): OAuthResult<ClientCredentials> {
  if (Array.isArray(header)) return oauthFailure('invalid_request', 'Only one Authorization header is allowed');
  const match = BASIC.exec(header);
  if (!match) return oauthFailure('invalid_client', 'Client authentication must use HTTP Basic or the request body', true);
  let decoded: string;
  try {
    decoded = utf8.decode(Buffer.from(match[1], 'base64'));
  } catch {
    return oauthFailure('invalid_client', 'Malformed Basic credentials', true);
  }
  const colon = decoded.indexOf(':');
  const clientId = colon < 0 ? null : formDecode(decoded.slice(0, colon));
  const clientSecret = colon < 0 ? null : formDecode(decoded.slice(colon + 1));
  if (!usable(clientId, clientSecret)) return oauthFailure('invalid_client', 'Malformed Basic credentials', true);
  return { ok: true, value: { clientId: clientId!, clientSecret: clientSecret! } };
}

function parseScope(raw: string): string[] | null {
  const tokens = raw.split(' ');
  return tokens.every((t) => SCOPE_TOKEN.test(t)) ? [...new Set(tokens)] : null;
}

export function parseTokenRequest(contentType: string | undefined, rawBody: string, authorizationHeader: string | string[] | undefined): OAuthResult<TokenRequest> {
  if (contentType?.split(';')[0].trim().toLowerCase() !== FORM) return oauthFailure('invalid_request', `The request body must be ${FORM}`);
  const form = new URLSearchParams(rawBody);
  const names = [...form.keys()];
  if (new Set(names).size !== names.length) return oauthFailure('invalid_request', 'A parameter was sent more than once');
  // RFC 6749 3.1: a parameter without a value counts as omitted.
  const param = (name: string): string | null => form.get(name) || null;

  let credentials: ClientCredentials;
  let authMethod: ClientAuthMethod;
  if (authorizationHeader !== undefined) {
    if (param('client_secret') !== null) return oauthFailure('invalid_request', 'Use exactly one client authentication method');
    const basic = parseBasic(authorizationHeader);
    if (!basic.ok) return basic;
    const bodyId = param('client_id');
    if (bodyId !== null && bodyId !== basic.value.clientId) return oauthFailure('invalid_request', 'client_id does not match the Basic credentials');
    credentials = basic.value;
    authMethod = 'client_secret_basic';
  } else {
    const clientId = param('client_id');
    const clientSecret = param('client_secret');
    if (!usable(clientId, clientSecret)) return oauthFailure('invalid_client', 'Client authentication is required');
    credentials = { clientId: clientId!, clientSecret: clientSecret! };
    authMethod = 'client_secret_post';
  }

  const grantType = param('grant_type');
  if (grantType === null) return oauthFailure('invalid_request', 'grant_type is required');
  if (grantType !== 'client_credentials') return oauthFailure('unsupported_grant_type', 'Only client_credentials is supported');
  const rawScope = param('scope');
  const scope = rawScope === null ? null : parseScope(rawScope);
  if (rawScope !== null && scope === null) return oauthFailure('invalid_scope', 'The scope parameter is malformed');
  return { ok: true, value: { grantType, ...credentials, scope, authMethod } };
}

/** The requested scopes if the client may have them all; everything registered when none were requested. */
export function grantScopes(requested: readonly string[] | null, registered: readonly string[]): OAuthResult<string[]> {
  if (requested === null) return { ok: true, value: [...registered] };
  if (!requested.every((s) => registered.includes(s))) return oauthFailure('invalid_scope', 'The requested scope exceeds what this client may have');
  return { ok: true, value: [...new Set(requested)] };
}
