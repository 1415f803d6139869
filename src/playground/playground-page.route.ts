import type { ServerResponse } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import { allowedPurposes, PRINCIPAL_KINDS, PURPOSES_NEEDING_REFERENCE } from '../access/principal.js';
import type { Config } from '../config/config.js';
import type { RouteHandler } from '../http/app.js';
import { printGatewaySchema } from '../graphql/schema.js';
import { HttpError } from '../http/body.js';
import type { PlaygroundBundle } from './playground-bundle.service.js';
import type { PlaygroundSettings } from './playground-wire.type.js';

export const PAGE_PATH = '/playground';
export const ASSETS_PREFIX = '/playground/assets/';
export const SCHEMA_PATH = '/playground/schema.graphql';

/** Where introspection is on (outside production) the page gets the schema; elsewhere it marks only what the gateway reports withheld. */
export const servesSchema = (cfg: Config) => cfg.env !== 'production';

export function playgroundSettings(cfg: Config): PlaygroundSettings {
  return {
    devTokens: cfg.playground.devTokens,
    purposes: Object.fromEntries(PRINCIPAL_KINDS.map((k) => [k, allowedPurposes(k)])),
    referencePurposes: [...PURPOSES_NEEDING_REFERENCE],
    schemaPath: servesSchema(cfg) ? SCHEMA_PATH : null,
  };
}

function onlyGet(method: string | undefined): void {
  if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, 'METHOD_NOT_ALLOWED', 'Use GET');
}

function sendPage(res: ServerResponse, html: string): void {
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('cache-control', 'no-cache');
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  res.end(html);
}

/** GET /playground: the page. */
export function pageRoute(bundle: PlaygroundBundle): RouteHandler {
  return async (req, res) => {
    onlyGet(req.method);
    sendPage(res, await bundle.html());
  };
}

/** GET /playground/schema.graphql: the schema as SDL, @pii directives included. */
export function schemaRoute(schema: GraphQLSchema): RouteHandler {
  let sdl: string | undefined;
  return async (req, res) => {
    onlyGet(req.method);
    res.setHeader('content-type', 'text/plain; charset=utf-8');
    res.setHeader('cache-control', 'no-cache');
    res.end((sdl ??= printGatewaySchema(schema)));
  };
}

/** GET /playground/assets/<name>: the hashed scripts, styles, fonts and workers, cached for good. */
export function assetRoute(bundle: PlaygroundBundle): RouteHandler {
  return async (req, res) => {
    onlyGet(req.method);
    const file = await bundle.asset(new URL(req.url ?? '/', 'http://gateway.local').pathname.slice(ASSETS_PREFIX.length));
    if (!file) throw new HttpError(404, 'NOT_FOUND', 'No such endpoint');
    res.setHeader('content-type', file.type);
    res.setHeader('cache-control', 'public, max-age=31536000, immutable');
    res.setHeader('x-content-type-options', 'nosniff');
    res.end(file.body);
  };
}
