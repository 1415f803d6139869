import type { IncomingMessage, ServerResponse } from 'node:http';
import { DevTokenError, mintDevToken, type DevTokenRequest } from '../identity/dev-token.service.js';
import type { KeyRing } from '../oauth/signing-keys.js';
import type { AppServices } from '../graphql/context.js';
import type { RouteHandler } from '../http/app.js';
import { HttpError, parseJsonBody, readBody } from '../http/body.js';
import { devPrincipals } from './dev-principals.service.js';

export const DEV_PRINCIPALS_PATH = '/playground/dev/principals';
export const DEV_TOKEN_PATH = '/playground/dev/token';

function sendJson(res: ServerResponse, body: unknown): void {
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(JSON.stringify(body));
}

const LOOPBACK = /^(?:127(?:\.\d{1,3}){3}|::1|::ffff:127(?:\.\d{1,3}){3})$/;

/** The socket's peer, never a forwarded address: is it this machine? */
export const isLoopback = (address: string | undefined): boolean => LOOPBACK.test(address ?? '');

// Tokens for any principal go to this machine only, even from a development gateway that listens on a network.
function admit(req: IncomingMessage, expected: 'GET' | 'POST'): void {
  if (!isLoopback(req.socket.remoteAddress)) throw new HttpError(403, 'FORBIDDEN', 'The development endpoints answer this machine only');
  if (req.method !== expected) throw new HttpError(405, 'METHOD_NOT_ALLOWED', `Use ${expected}`);
}

const optionalString = (v: unknown): v is string | undefined => v === undefined || typeof v === 'string';

function tokenRequest(body: unknown): DevTokenRequest {
  const { kind, sub, partnerId, scope } = (body ?? {}) as Record<string, unknown>;
  const scopeOk = scope === undefined || (Array.isArray(scope) && scope.every((s) => typeof s === 'string'));
  if (typeof kind !== 'string' || !optionalString(sub) || !optionalString(partnerId) || !scopeOk) {
    throw new HttpError(400, 'BAD_USER_INPUT', 'Expected a JSON object with kind and, optionally, sub, partnerId and a scope list');
  }
  return { kind, sub, partnerId, scope };
}

/** GET /playground/dev/principals: the clients, staff kinds and open references the page offers. */
export function devPrincipalsRoute(services: AppServices): RouteHandler {
  return async (req, res) => {
    admit(req, 'GET');
    sendJson(res, await devPrincipals(services.sql));
  };
}

/**
 * POST /playground/dev/token: a real access token for the chosen principal, signed like `npm run token`. JSON only, so that
 * another site's page cannot post here without a CORS preflight, which the gateway never grants.
 */
export function devTokenRoute(services: AppServices, ring: KeyRing): RouteHandler {
  return async (req, res) => {
    admit(req, 'POST');
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send application/json');
    const request = tokenRequest(parseJsonBody(await readBody(req)));
    try {
      const { token, claims, ttlSeconds } = await mintDevToken(services.sql, ring, services.cfg, request);
      sendJson(res, { accessToken: token, expiresIn: ttlSeconds, subject: claims.sub, kind: claims.kind, partnerId: claims.partnerId ?? null, scope: claims.scope ?? [] });
    } catch (e) {
      if (e instanceof DevTokenError) throw new HttpError(400, 'BAD_USER_INPUT', e.message);
      throw e;
    }
  };
}
