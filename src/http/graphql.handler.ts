import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { AppServices, GatewayContext } from '../graphql/context.js';
import { createContext } from '../graphql/context.js';
import type { Authenticated } from '../access/request-facts.js';
import { UnavailableError } from '../graphql/errors.js';
import { parseJsonBody, readBody } from './body.js';
import type { Tracer } from '@opentelemetry/api';
import { inSpan, SpanKind } from '../observability/tracing.js';
import type { RequestIds } from '../observability/request-id.js';
import type { Language } from '../i18n/language.js';
import { localizeMessage } from '../i18n/message.localize.js';

/** Every /graphql response varies by these request headers. */
export const GRAPHQL_VARY = 'Authorization, Accept-Language';

/** The operation's result, or UnavailableError once `ms` passed; the operation itself runs on, bounded by statement_timeout. */
async function withinDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new UnavailableError()), ms);
  });
  work.catch(() => {});
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

// Apollo refuses a malformed HTTP request before any plugin runs (the error plugin names the language of what it formats):
// its few errors are put into the caller's language here.
function localizedRefusal(body: string, language: Language): string {
  if (language === 'en') return body;
  const parsed = JSON.parse(body) as { errors?: { message: string; extensions?: { code?: unknown } }[] };
  for (const e of parsed.errors ?? []) if (typeof e.extensions?.code === 'string') e.message = localizeMessage(e.extensions.code, e.message, language);
  return `${JSON.stringify(parsed)}\n`;
}

/** The parts of a GraphQL request over HTTP that carry the operation, as Apollo reads them. */
export interface GraphqlHttpRequest {
  method: string;
  search: string;
  body: unknown;
}

/** Runs before Apollo: returns the request to execute (e.g. a registered document put in for its id), or throws HttpError to refuse it. */
export type PrepareRequest = (caller: Authenticated, request: GraphqlHttpRequest) => GraphqlHttpRequest | Promise<GraphqlHttpRequest>;

export async function handleGraphql(
  apollo: ApolloServer<GatewayContext>,
  tracer: Tracer | null,
  services: AppServices,
  prepare: PrepareRequest,
  caller: Authenticated,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  ids: RequestIds,
  language: Language,
): Promise<void> {
  const headers = new HeaderMap();
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
  const method = (req.method ?? 'GET').toUpperCase();
  const raw = method === 'POST' ? await readBody(req) : '';
  const body = method === 'POST' && (headers.get('content-type') ?? '').includes('json') ? parseJsonBody(raw) : raw;
  const request = await prepare(caller, { method, search: url.search, body });
  // One span for the operation (named by the plugin once parsed); statements under it become its children.
  const result = await withinDeadline(
    inSpan(tracer, 'GraphQL', SpanKind.INTERNAL, {}, () =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method, headers, search: request.search, body: request.body },
        context: async () => createContext(services, caller, ids, language),
      }),
    ),
    services.cfg.requestDeadlineMs,
  );
  res.statusCode = result.status ?? 200;
  for (const [k, v] of result.headers) {
    // The caching headers set for credentials (see app.ts) win over Apollo's; its Vary joins ours.
    if (k === 'vary') res.setHeader(k, `${GRAPHQL_VARY}, ${v}`);
    else if (k !== 'cache-control' || !res.hasHeader(k)) res.setHeader(k, v);
  }
  if (result.body.kind === 'complete') {
    const refusal = res.statusCode >= 400 && !result.headers.has('content-language');
    if (refusal) res.setHeader('content-language', language);
    res.end(refusal ? localizedRefusal(result.body.string, language) : result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) res.write(chunk);
  res.end();
}
