import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import type { AppServices, GatewayContext } from '../graphql/context.js';
import type { Principal } from '../auth/principal.js';
import { AuthError } from '../auth/auth.errors.js';
import { ForbiddenError } from '../graphql/errors.js';
import type { Metrics } from '../observability/metrics.js';
import { errorBody, HttpError } from './body.js';
import { handleGraphql } from './graphql.handler.js';
import { requestIdsOf } from './request-id.js';

export type Authenticate = (req: IncomingMessage) => Promise<Principal>;
export type RouteHandler = (req: IncomingMessage, res: ServerResponse, requestId: string) => Promise<void>;

export interface AppParts {
  services: AppServices;
  apollo: ApolloServer<GatewayContext>;
  metrics: Metrics;
  authenticate: Authenticate;
  /** Extra exact-path routes, e.g. the OAuth token endpoint and the JWKS. */
  routes: ReadonlyMap<string, RouteHandler>;
}

function send(res: ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8'): void {
  res.statusCode = status;
  res.setHeader('content-type', type);
  res.end(body);
}

export function createHttpServer(parts: AppParts): Server {
  const { services, apollo, metrics, authenticate, routes } = parts;
  return createServer(async (req, res) => {
    metrics.httpRequests++;
    const ids = requestIdsOf(req);
    const requestId = ids.id;
    res.setHeader('x-request-id', requestId);
    const url = new URL(req.url ?? '/', 'http://gateway.local');
    try {
      if (url.pathname === '/graphql') {
        // Answers differ by credentials: no cache may keep one given to credentials, nor reuse an anonymous one for them.
        res.setHeader('vary', 'Authorization');
        if (req.headers.authorization !== undefined) res.setHeader('cache-control', 'private, no-store');
        let principal: Principal;
        try {
          principal = await authenticate(req);
        } catch (e) {
          if (e instanceof ForbiddenError) return send(res, 403, JSON.stringify({ errors: [{ message: e.message, extensions: { ...e.extensions, requestId } }] }));
          if (!(e instanceof AuthError)) throw e;
          metrics.authFailures++;
          res.setHeader('www-authenticate', e.wwwAuthenticate);
          return send(res, e.status, errorBody(e.code, e.message, requestId));
        }
        return await handleGraphql(apollo, services, principal, req, res, url, ids);
      }
      if (url.pathname === '/healthz') return send(res, 200, '{"status":"ok"}');
      if (url.pathname === '/readyz') {
        const ok = await services.sql.ping();
        return send(res, ok ? 200 : 503, JSON.stringify({ status: ok ? 'ready' : 'database unavailable' }));
      }
      if (url.pathname === '/metrics') return send(res, 200, metrics.render(), 'text/plain; version=0.0.4');
      const route = routes.get(url.pathname);
      if (route) return await route(req, res, requestId);
      send(res, 404, errorBody('NOT_FOUND', 'No such endpoint', requestId));
    } catch (e) {
      if (e instanceof HttpError) return send(res, e.status, errorBody(e.code, e.message, requestId));
      services.logger.error({ requestId, errorName: (e as Error).name }, 'unhandled http error');
      if (!res.headersSent) send(res, 500, errorBody('INTERNAL_SERVER_ERROR', `Internal error; quote request id ${requestId} to support`, requestId));
      else res.end();
    }
  });
}
