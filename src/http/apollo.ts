import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import { compiledExecution } from '../graphql/compiled-execution.js';
import type { GatewayContext } from '../graphql/context.js';
import { maskError, restoreCode } from '../graphql/errors.js';
import { documentRules } from '../graphql/limits.js';
import { operationGuardPlugin } from '../graphql/operation-guard.js';
import type { Config } from '../config/config.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import { privacyPlugin } from '../privacy/privacy.plugin.js';

// Masks unknown errors with the request id and logs them without messages, which may quote data.
function errorPlugin(logger: Logger, metrics: Metrics, schemaNames: ReadonlySet<string>, production: boolean): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      metrics.graphqlRequests++;
      return {
        async didEncounterErrors({ errors, contextValue }) {
          metrics.graphqlErrors += errors.length;
          for (const e of errors) {
            const code = e.extensions?.code;
            if (code === undefined || code === 'INTERNAL_SERVER_ERROR') {
              const orig = e.originalError as (Error & { code?: string }) | undefined;
              logger.error({ requestId: contextValue.requestId, path: e.path, errorName: orig?.name, dbCode: orig?.code }, 'unexpected resolver error');
            }
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind === 'single' && response.body.singleResult.errors) {
            response.body.singleResult.errors = response.body.singleResult.errors.map((e) => maskError(e, contextValue.requestId, schemaNames, production));
          }
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
    for (const f of Object.values(t.getFields())) {
      names.add(f.name);
      for (const a of 'args' in f ? f.args : []) names.add(a.name);
    }
  }
  return names;
}

export async function createApollo(schema: GraphQLSchema, cfg: Config, logger: Logger, metrics: Metrics): Promise<ApolloServer<GatewayContext>> {
  const prod = cfg.env === 'production';
  // The compiled executor plugs in through Apollo's gateway interface, which hands the schema and an executor to the server.
  const schemaOrGateway = cfg.graphqlExecutor === 'jit' ? { gateway: compiledExecution(schema, cfg.compiledDocumentsKept, metrics.execution) } : { schema };
  const apollo = new ApolloServer<GatewayContext>({
    ...schemaOrGateway,
    // The cache-control plugin wraps every field; nothing here uses it.
    plugins: [ApolloServerPluginCacheControlDisabled(), ...(prod ? [ApolloServerPluginLandingPageDisabled()] : []),
      operationGuardPlugin({ maxCost: cfg.limits.maxCost, defaultListSize: 20 }, !prod), privacyPlugin(logger), errorPlugin(logger, metrics, namesOf(schema), prod)],
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
