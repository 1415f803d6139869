import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { ApolloServer } from '@apollo/server';
import type { AppServices, GatewayContext } from '../graphql/context.js';
import type { Authenticated } from '../access/request-facts.js';
import { AuthError } from '../access/auth.errors.js';
import { ForbiddenError, RETRY_AFTER_SECONDS, UnavailableError } from '../graphql/errors.js';
import { isDatabaseUnavailable } from '../db/db-faults.js';
import type { Tracer } from '@opentelemetry/api';
import type { Metrics } from '../observability/metrics.js';
import { inSpan, SpanKind } from '../observability/tracing.js';
import { errorBody, HttpError } from './body.js';
import { GRAPHQL_VARY, handleGraphql, type PrepareRequest } from './graphql.handler.js';
import type { Lifecycle } from './lifecycle.js';
import type { AdmitCaller } from '../shared-state/caller-limits.js';
import type { Decision } from '../shared-state/limiter.js';
import { requestIdsOf } from '../observability/request-id.js';
import { languageOf, type Language } from '../i18n/language.js';
import { localizeMessage } from '../i18n/message.localize.js';

export type Authenticate = (req: IncomingMessage) => Promise<Authenticated>;
export type RouteHandler = (req: IncomingMessage, res: ServerResponse, requestId: string, language: Language) => Promise<void>;

export interface AppParts {
  services: AppServices;
  apollo: ApolloServer<GatewayContext>;
  metrics: Metrics;
  tracer: Tracer | null;
  authenticate: Authenticate;
  /** The caller's rate limit: null when it has none. */
  admit: AdmitCaller;
  /** What runs before Apollo on each GraphQL request (trusted documents). */
  prepare: PrepareRequest;
  /** Extra exact-path routes, e.g. the OAuth token endpoint and the JWKS. */
  routes: ReadonlyMap<string, RouteHandler>;
  /** Routes for every path under a prefix ending in '/', e.g. a page's assets; the handler reads the rest of the path. */
  prefixRoutes?: ReadonlyMap<string, RouteHandler>;
  lifecycle: Lifecycle;
}

function send(res: ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8'): void {
  res.statusCode = status;
  res.setHeader('content-type', type);
  res.end(body);
}

// IETF RateLimit header fields, so that well-behaved clients slow down before they are refused.
function rateLimitHeaders(res: ServerResponse, d: Decision): void {
  res.setHeader('ratelimit-limit', String(d.limit));
  res.setHeader('ratelimit-remaining', String(d.remaining));
  res.setHeader('ratelimit-reset', String(d.resetSeconds));
  res.setHeader('ratelimit-policy', `${d.limit};w=60`);
}

/** An error body with its message in the caller's language, which Content-Language names. */
function sendError(res: ServerResponse, status: number, code: string, english: string, requestId: string, language: Language): void {
  res.setHeader('content-language', language);
  send(res, status, errorBody(code, localizeMessage(code, english, language), requestId));
}

function sendUnavailable(res: ServerResponse, requestId: string, language: Language): void {
  res.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
  sendError(res, 503, 'UNAVAILABLE', new UnavailableError().message, requestId, language);
}

const KNOWN_ROUTES = new Set(['/graphql', '/healthz', '/readyz', '/metrics']);

export function createHttpServer(parts: AppParts): Server {
  const { services, apollo, metrics, tracer, authenticate, admit, prepare, routes, lifecycle } = parts;
  const prefixes = [...(parts.prefixRoutes ?? new Map<string, RouteHandler>())];
  const prefixOf = (path: string) => prefixes.find(([p]) => path.startsWith(p));
  return createServer((req, res) => {
    const t0 = performance.now();
    lifecycle.track(res);
    const url = new URL(req.url ?? '/', 'http://gateway.local');
    res.once('finish', () => metrics.httpRequest(url.pathname, res.statusCode, (performance.now() - t0) / 1000));
    const method = req.method ?? 'GET';
    // Only known routes name the span: a path is the caller's to choose.
    const route = KNOWN_ROUTES.has(url.pathname) || routes.has(url.pathname) ? url.pathname : (prefixOf(url.pathname)?.[0].concat('*') ?? 'other');
    void inSpan(tracer, `${method} ${route}`, SpanKind.SERVER, { 'http.request.method': method, 'http.route': route }, async (span) => {
      await handle(req, res, url);
      span?.setAttribute('http.response.status_code', res.statusCode);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const ids = requestIdsOf(req);
    const requestId = ids.id;
    const language = languageOf(req.headers['accept-language']);
    res.setHeader('x-request-id', requestId);
    // While draining, kept-alive connections are closed after their current response.
    if (lifecycle.draining) res.setHeader('connection', 'close');
    try {
      if (url.pathname === '/healthz') return send(res, 200, '{"status":"ok"}');
      if (url.pathname === '/readyz') {
        const ok = lifecycle.serving && (await services.sql.ping());
        const status = ok ? 'ready' : lifecycle.draining ? 'shutting down' : 'database unavailable';
        return send(res, ok ? 200 : 503, JSON.stringify({ status }));
      }
      if (url.pathname === '/metrics') return send(res, 200, await metrics.render(), 'text/plain; version=0.0.4');
      if (!lifecycle.databaseReady) return sendUnavailable(res, requestId, language);
      if (url.pathname === '/graphql') {
        // Answers differ by credentials (no cache may keep one given to credentials, nor reuse an anonymous one for them) and by language.
        res.setHeader('vary', GRAPHQL_VARY);
        if (req.headers.authorization !== undefined) res.setHeader('cache-control', 'private, no-store');
        let caller: Authenticated;
        try {
          caller = await authenticate(req);
        } catch (e) {
          if (e instanceof ForbiddenError) {
            res.setHeader('content-language', language);
            return send(res, 403, JSON.stringify({ errors: [{ message: localizeMessage('FORBIDDEN', e.message, language), extensions: { ...e.extensions, requestId } }] }));
          }
          if (!(e instanceof AuthError)) throw e;
          metrics.authFailure();
          // The challenge's error_description stays English: RFC 6750 allows printable ASCII only.
          res.setHeader('www-authenticate', e.wwwAuthenticate);
          return sendError(res, e.status, e.code, e.message, requestId, language);
        }
        const decision = await admit(caller);
        if (decision) rateLimitHeaders(res, decision);
        if (decision && !decision.allowed) {
          res.setHeader('retry-after', String(decision.resetSeconds));
          return sendError(res, 429, 'RATE_LIMITED', 'Too many requests; retry later', requestId, language);
        }
        return await handleGraphql(apollo, tracer, services, prepare, caller, req, res, url, ids, language);
      }
      const route = routes.get(url.pathname) ?? prefixOf(url.pathname)?.[1];
      if (route) return await route(req, res, requestId, language);
      sendError(res, 404, 'NOT_FOUND', 'No such endpoint', requestId, language);
    } catch (e) {
      if (e instanceof HttpError) return sendError(res, e.status, e.code, e.message, requestId, language);
      if (e instanceof UnavailableError || isDatabaseUnavailable(e)) {
        services.logger.warn({ requestId, dbCode: (e as { code?: string }).code }, 'request refused: database unavailable or deadline passed');
        return res.headersSent ? void res.end() : sendUnavailable(res, requestId, language);
      }
      services.logger.error({ requestId, errorName: (e as Error).name }, 'unhandled http error');
      if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', `Internal error; quote request id ${requestId} to support`, requestId, language);
      else res.end();
    }
  }
}
