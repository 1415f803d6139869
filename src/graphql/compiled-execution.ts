import type { GatewayExecutor, GatewayInterface, GatewaySchemaLoadOrUpdateCallback } from '@apollo/server-gateway-interface';
import { execute, GraphQLError, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LruCache } from '../cache/lru-cache.js';

export type ExecutorKind = 'jit' | 'graphql-js';

// null marks a document graphql-jit could not compile, so it is not tried again.
type Entry = CompiledQuery | null;

/** Counted for /metrics: operations compiled, and executions that ran on graphql-js instead. */
export interface ExecutionCounts {
  compiledOperations: number;
  graphqlJsExecutions: number;
}

// graphql-jit builds its own error objects (no extensions object when the cause had none, which Apollo's formatter reads):
// rebuilt as graphql-js's locatedError builds them, with the same message, locations, path, cause and extensions.
function asGraphqlJsError(e: GraphQLError): GraphQLError {
  const out = new GraphQLError(e.message, { path: e.path, originalError: e.originalError ?? undefined });
  (out as { locations: GraphQLError['locations'] }).locations = e.locations;
  return out;
}

function normalized(result: ExecutionResult): ExecutionResult {
  return result.errors ? { data: result.data, errors: result.errors.map(asGraphqlJsError) } : result;
}

/**
 * Apollo Server's gateway hook with a local executor: each distinct operation is compiled once by graphql-jit and kept in a
 * bounded LRU; what graphql-jit cannot compile, and every variable coercion failure (so that its message is graphql-js's),
 * runs on graphql-js.
 */
export function compiledExecution(schema: GraphQLSchema, maxDocuments: number, counts: ExecutionCounts): GatewayInterface {
  const cache = new LruCache<string, Entry>(maxDocuments);
  const byGraphqlJs: GatewayExecutor = async ({ document, context, request }) =>
    execute({
      schema,
      document,
      contextValue: context,
      variableValues: request.variables,
      operationName: request.operationName,
    });
  const executor: GatewayExecutor = async (rc) => {
    // Without a resolved operation graphql-js produces the error Apollo expects.
    if (!rc.operation || !rc.queryHash) {
      counts.graphqlJsExecutions++;
      return byGraphqlJs(rc);
    }
    const key = `${rc.request.operationName ?? ''}\n${rc.queryHash}`;
    let entry = cache.get(key);
    if (entry === undefined) {
      const c = compileQuery(schema, rc.document, rc.request.operationName ?? undefined);
      entry = isCompiledQuery(c) ? c : null;
      if (entry) counts.compiledOperations++;
      cache.set(key, entry);
    }
    if (entry) {
      const result = await entry.query(undefined, rc.context, rc.request.variables ?? {});
      // No data key: the variables did not coerce, and nothing ran; graphql-js words that failure.
      if ('data' in result) return normalized(result);
    }
    counts.graphqlJsExecutions++;
    return byGraphqlJs(rc);
  };
  let listener: GatewaySchemaLoadOrUpdateCallback | null = null;
  return {
    onSchemaLoadOrUpdate(cb) {
      listener = cb;
      return () => {
        listener = null;
      };
    },
    async load() {
      listener?.({ apiSchema: schema, coreSupergraphSdl: '' });
      return { executor };
    },
    async stop() {
      cache.clear();
    },
  };
}
