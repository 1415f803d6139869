import type { IncomingMessage, ServerResponse } from 'node:http';
import { statement } from '../db/statement.js';
import type { CoreServices } from '../graphql/context.js';
import type { RouteHandler } from '../http/app.js';
import { readBody } from '../http/body.js';
import { issueAccessToken } from './access-token.js';
import type { ApiClientKind } from './api-client.entity.js';
import { grantScopes, parseTokenRequest } from './client-credentials.js';
import { describedIn, oauthError, type OAuthErrorResponse } from './oauth-errors.js';
import type { Language } from '../i18n/language.js';
import { hashSecret, verifySecret } from './secret-hash.js';
import type { KeyRing } from './signing-keys.js';
import type { Limiter } from '../shared-state/limiter.js';

interface ClientRow {
  clientId: string;
  secretHash: string;
  kind: ApiClientKind;
  partnerId: string;
  scopes: string[];
  disabled: boolean;
}

const CLIENT = statement<ClientRow, [clientId: string]>(
  'oauth_client',
  `select client_id as "clientId", secret_hash as "secretHash", kind,
    partner_id as "partnerId", scopes, disabled_at is not null as disabled from api_clients where client_id = $1`,
);

const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  res.statusCode = status;
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

const sendError = (res: ServerResponse, e: OAuthErrorResponse, language: Language) => sendJson(res, e.status, describedIn(e.body, language), e.headers);

// One header passes as a string; several reach the parser as a list, which it refuses.
function authorizationOf(req: IncomingMessage): string | string[] | undefined {
  const all = req.headersDistinct.authorization;
  return all?.length === 1 ? all[0] : all;
}

async function loadClient(services: CoreServices, clientId: string): Promise<ClientRow | undefined> {
  const [row] = await services.sql.rows(CLIENT, clientId);
  return row;
}

/** POST /oauth/token: the OAuth 2.0 client credentials grant (RFC 6749 4.4) for partner systems. */
export function oauthTokenRoute(services: CoreServices, ring: KeyRing, failures: Limiter): RouteHandler {
  const { cfg, logger } = services;
  // Unknown clients are checked against this too, so that timing does not tell which client ids exist.
  const decoy = hashSecret('decoy');
  return async (req, res, _requestId, language) => {
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return sendJson(res, 405, describedIn({ error: 'invalid_request', error_description: 'Use POST' }, language), NO_STORE);
    }
    const parsed = parseTokenRequest(req.headers['content-type'], await readBody(req), authorizationOf(req));
    if (!parsed.ok) return sendError(res, parsed.error, language);
    const request = parsed.value;
    const basic = request.authMethod === 'client_secret_basic';
    const retry = await failures.retryAfter(request.clientId);
    if (retry) {
      return sendJson(res, 429, describedIn({ error: 'invalid_client', error_description: 'Too many failed client authentications; retry later' }, language), {
        ...NO_STORE,
        'Retry-After': String(retry),
      });
    }
    const client = await loadClient(services, request.clientId);
    const secretOk = await verifySecret(request.clientSecret, client?.secretHash ?? (await decoy));
    if (!client || !secretOk || client.disabled) {
      if (!client || !secretOk) await failures.penalty(request.clientId);
      // Only ids of real clients are logged: an unknown "id" may be a secret pasted into the wrong field.
      if (client) logger.warn({ clientId: client.clientId, disabled: client.disabled }, 'client authentication failed');
      return sendError(res, oauthError('invalid_client', 'Client authentication failed', basic), language);
    }
    const granted = grantScopes(request.scope, client.scopes);
    if (!granted.ok) return sendError(res, granted.error, language);
    const ttl = cfg.jwt.accessTtlSeconds;
    const accessToken = await issueAccessToken(
      ring,
      cfg,
      {
        sub: client.clientId,
        kind: client.kind,
        clientId: client.clientId,
        partnerId: client.partnerId,
        scope: granted.value,
      },
      ttl,
    );
    sendJson(res, 200, { access_token: accessToken, token_type: 'Bearer', expires_in: ttl, scope: granted.value.join(' ') }, NO_STORE);
  };
}
