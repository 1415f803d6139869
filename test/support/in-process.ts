import { randomUUID } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { Principal } from '../../src/access/principal.js';
import type { RequestFacts } from '../../src/access/request-facts.js';
import { composeGateway, type RunningGateway } from '../../src/gateway.js';
import { createContext } from '../../src/graphql/context.js';
import type { Language } from '../../src/i18n/language.js';
import { testConfig } from './gateway.js';
import type { GqlResponse } from './http.js';

/** What fixtures need of a gateway: its services (a running gateway and an in-process app both have them). */
export type WithServices = Pick<RunningGateway, 'services'>;

/** What a request carries besides its principal: what authentication learned of it, the caller's language and x-request-id. */
export interface RequestOptions {
  facts?: Partial<RequestFacts>;
  language?: Language;
  callerRequestId?: string;
}

/** The answer as a client reads it, and the gateway's id for the request (the x-request-id header over HTTP). */
export interface RunResult<T> {
  requestId: string;
  body: GqlResponse<T>['body'];
}

export interface InProcessApp extends WithServices {
  /** One operation as `principal`, through the gateway's own Apollo server: parsing, limits, access rules, executor, plugins. */
  run<T, V>(principal: Principal, doc: TypedDocumentNode<T, V>, variables?: V, options?: RequestOptions): Promise<RunResult<T>>;
  /** An operation written inline (for shapes codegen cannot type). */
  run(principal: Principal, query: string, variables?: Record<string, unknown>, options?: RequestOptions): Promise<RunResult<unknown>>;
  close(): Promise<void>;
}

// A local caller with no session, as a test's request over loopback would be.
const LOCAL: RequestFacts = { clientAddress: '127.0.0.1', sessionId: null, tokenExpiresAt: null, trustedDocuments: null };

/**
 * The gateway composed as `startGateway` composes it, against the test file's own database, without listening: each run is
 * one request with an explicit principal instead of a token. What stays behind the HTTP tier: tokens and their standing,
 * caller rate limits, registered documents, the request deadline, status codes and headers.
 */
export async function openApp(env: Record<string, string> = {}): Promise<InProcessApp> {
  const app = await composeGateway(testConfig(env));
  await app.prepare().catch(async (e: unknown) => {
    await app.release();
    throw e;
  });
  const { services, apollo } = app;
  async function run(principal: Principal, doc: TypedDocumentNode<unknown, unknown> | string, variables?: unknown, options: RequestOptions = {}) {
    const ids = { id: randomUUID(), callerId: options.callerRequestId ?? null };
    const caller = { principal, facts: Object.freeze({ ...LOCAL, ...options.facts }) };
    const response = await apollo.executeOperation(
      { query: doc, variables: variables as Record<string, unknown> | undefined },
      { contextValue: createContext(services, caller, ids, options.language ?? 'en') },
    );
    if (response.body.kind !== 'single') throw new Error('no operation here is delivered incrementally');
    // Through JSON, as a client reads it: plain objects, scalars serialized.
    return { requestId: ids.id, body: JSON.parse(JSON.stringify(response.body.singleResult)) as GqlResponse<unknown>['body'] };
  }
  return { services, run, close: () => app.release() };
}
