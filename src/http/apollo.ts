import { performance } from 'node:perf_hooks';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { OperationTypeNode, type GraphQLField, type GraphQLInputField, type GraphQLSchema } from 'graphql';
import { compiledExecution } from '../graphql/compiled-execution.js';
import { changesOwnStanding, type AfterMutation } from '../access/standing-writes.js';
import type { GatewayContext } from '../graphql/context.js';
import { maskError, restoreCode, RETRY_AFTER_SECONDS, UnavailableError } from '../graphql/errors.js';
import { localizeMessage } from '../i18n/message.localize.js';
import { isDatabaseUnavailable } from '../db/db-faults.js';
import { documentRules } from '../graphql/limits.js';
import { operationGuardPlugin } from '../graphql/operation-guard.js';
import type { Config } from '../config/config.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import { currentSpan, markFailed } from '../observability/tracing.js';
import { privacyPlugin, type DisclosureLog } from './privacy.plugin.js';
import { redisQueryCache } from '../shared-state/persisted-query-cache.js';
import type { SharedStore } from '../shared-state/shared-store.js';

// Masks unknown errors with the request id, puts messages in the caller's language, and logs them without messages, which may quote data.
function errorPlugin(logger: Logger, metrics: Metrics, schemaNames: ReadonlySet<string>, production: boolean): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      const t0 = performance.now();
      let unavailable = false;
      let operation = 'unknown';
      let errorCount = 0;
      return {
        async didResolveOperation({ operation: op }) {
          operation = op?.operation ?? 'unknown';
          // The operation's type names the span; its name and variables are the caller's and stay out.
          currentSpan()?.updateName(`GraphQL ${operation}`);
          currentSpan()?.setAttribute('graphql.operation.type', operation);
        },
        async didEncounterErrors({ errors, contextValue }) {
          errorCount += errors.length;
          for (const e of errors) {
            // An explained request's own failure comes back as UnavailableError.
            if (isDatabaseUnavailable(e.originalError) || e.originalError instanceof UnavailableError) {
              unavailable = true;
              logger.warn({ requestId: contextValue.requestId, dbCode: (e.originalError as { code?: string }).code }, 'database unavailable');
              continue;
            }
            const code = e.extensions?.code;
            if (code === undefined || code === 'INTERNAL_SERVER_ERROR') {
              const orig: (Error & { code?: string }) | undefined = e.originalError;
              logger.error({ requestId: contextValue.requestId, path: e.path, errorName: orig?.name, dbCode: orig?.code }, 'unexpected resolver error');
            }
          }
        },
        async willSendResponse({ response, contextValue }) {
          const outcome = unavailable ? 'unavailable' : errorCount ? 'error' : 'ok';
          if (outcome !== 'ok') markFailed(currentSpan());
          metrics.graphqlOperation(operation, outcome, errorCount, (performance.now() - t0) / 1000);
          // A partial answer of a database that failed mid-request is withheld whole: the client retries it.
          if (unavailable && response.body.kind === 'single') {
            response.http.status = 503;
            response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
            response.http.headers.set('content-language', contextValue.language);
            const { message, extensions } = new UnavailableError();
            response.body.singleResult = {
              data: null,
              errors: [{ message: localizeMessage('UNAVAILABLE', message, contextValue.language), extensions: { ...extensions, requestId: contextValue.requestId } }],
            };
            return;
          }
          if (response.body.kind === 'single' && response.body.singleResult.errors) {
            response.http.headers.set('content-language', contextValue.language);
            response.body.singleResult.errors = response.body.singleResult.errors.map((e) => maskError(e, contextValue.requestId, schemaNames, production, contextValue.language));
          }
        },
      };
    },
  };
}

// A write through this instance is seen by its very next request, before the database's change notification comes back.
function mutationPlugin(schema: GraphQLSchema, afterMutation: AfterMutation): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, contextValue }) {
          if (operation?.operation === OperationTypeNode.MUTATION) afterMutation(contextValue.principal, changesOwnStanding(schema, operation));
        },
      };
    },
  };
}

// Type, field, argument and directive names: the only quoted words an error message may keep.
function namesOf(schema: GraphQLSchema): Set<string> {
  const names = new Set<string>(schema.getDirectives().map((d) => `@${d.name}`));
  for (const t of Object.values(schema.getTypeMap())) {
    names.add(t.name);
    if (!('getFields' in t)) continue;
    for (const f of Object.values<GraphQLField<unknown, unknown> | GraphQLInputField>(t.getFields())) {
      names.add(f.name);
      for (const a of 'args' in f ? f.args : []) names.add(a.name);
    }
  }
  return names;
}

/** landingPage: what a browser opening /graphql gets; none (Apollo's Sandbox loads from a CDN) when null. */
export async function createApollo(
  schema: GraphQLSchema,
  cfg: Config,
  logger: Logger,
  metrics: Metrics,
  store: SharedStore,
  disclosureLog: DisclosureLog,
  afterMutation: AfterMutation,
  landingPage: ApolloServerPlugin | null,
): Promise<ApolloServer<GatewayContext>> {
  const prod = cfg.env === 'production';
  // The compiled executor plugs in through Apollo's gateway interface, which hands the schema and an executor to the server.
  const schemaOrGateway = cfg.graphqlExecutor === 'jit' ? { gateway: compiledExecution(schema, cfg.compiledDocumentsKept, metrics.execution) } : { schema };
  const apollo = new ApolloServer<GatewayContext>({
    ...schemaOrGateway,
    // The cache-control plugin wraps every field; nothing here uses it.
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      landingPage ?? ApolloServerPluginLandingPageDisabled(),
      operationGuardPlugin({ maxCost: cfg.limits.maxCost, defaultListSize: 20 }, !prod),
      privacyPlugin(logger, disclosureLog),
      errorPlugin(logger, metrics, namesOf(schema), prod),
      mutationPlugin(schema, afterMutation),
    ],
    // Persisted queries registered through one instance are found by the others.
    ...(store.redis ? { persistedQueries: { cache: redisQueryCache(store.redis, store.keyPrefix) } } : {}),
    introspection: !prod,
    hideSchemaDetailsFromClientErrors: prod,
    includeStacktraceInErrorResponses: false,
    parseOptions: { maxTokens: cfg.limits.maxTokens },
    // Apollo caches validated documents, so these run once per document.
    validationRules: documentRules(cfg.limits, !prod),
    formatError: restoreCode,
    // Apollo's own messages embed error texts, which may quote data: only that one was written is logged.
    logger: { debug: () => {}, info: () => {}, warn: () => logger.warn('apollo server warning (text withheld)'), error: () => logger.error('apollo server error (text withheld)') },
  });
  await apollo.start();
  return apollo;
}
