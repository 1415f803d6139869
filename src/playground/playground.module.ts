import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { KeyRing } from '../oauth/signing-keys.js';
import type { AppServices } from '../graphql/context.js';
import type { RouteHandler } from '../http/app.js';
import { PlaygroundBundle } from './playground-bundle.service.js';
import { DEV_PRINCIPALS_PATH, DEV_TOKEN_PATH, devPrincipalsRoute, devTokenRoute } from './playground-dev.route.js';
import { playgroundLandingPage } from './playground-landing.plugin.js';
import { ASSETS_PREFIX, assetRoute, PAGE_PATH, pageRoute, playgroundSettings, SCHEMA_PATH, schemaRoute, servesSchema } from './playground-page.route.js';

export interface PlaygroundModule {
  routes: Map<string, RouteHandler>;
  prefixRoutes: Map<string, RouteHandler>;
  /** Apollo's landing page: the playground where it is on. */
  landingPage: ApolloServerPlugin | null;
}

/** The policy playground's routes; with the playground off none of them exists, and the dev ones exist only outside production. */
export function createPlayground(services: AppServices, ring: KeyRing, schema: GraphQLSchema): PlaygroundModule {
  const { cfg } = services;
  if (!cfg.playground.enabled) return { routes: new Map(), prefixRoutes: new Map(), landingPage: null };
  const bundle = new PlaygroundBundle(playgroundSettings(cfg));
  const routes = new Map<string, RouteHandler>([[PAGE_PATH, pageRoute(bundle)]]);
  if (servesSchema(cfg)) routes.set(SCHEMA_PATH, schemaRoute(schema));
  if (cfg.playground.devTokens) {
    routes.set(DEV_PRINCIPALS_PATH, devPrincipalsRoute(services));
    routes.set(DEV_TOKEN_PATH, devTokenRoute(services, ring));
  }
  return { routes, prefixRoutes: new Map([[ASSETS_PREFIX, assetRoute(bundle)]]), landingPage: playgroundLandingPage(bundle) };
}
