import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

export interface GqlResponse<T> {
  status: number;
  headers: Headers;
  body: { data?: T | null; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[]; extensions?: Record<string, unknown> };
}

/** One GraphQL operation over real HTTP. */
export async function gql<T, V>(baseUrl: string, doc: TypedDocumentNode<T, V>, variables?: V, headers: Record<string, string> = {}): Promise<GqlResponse<T>> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: print(doc), variables }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as GqlResponse<T>['body'] };
}

/** A raw request body, for malformed input. */
export async function postRaw(baseUrl: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; body: any }> {
  const res = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

/** An operation written inline (for shapes codegen cannot type: directives, subscriptions, hostile input). */
export function postQuery(baseUrl: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
  return postRaw(baseUrl, JSON.stringify({ query, variables }), headers);
}

export async function sqlStatementsTotal(baseUrl: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const m = /^qaz_sql_statements_total (\d+)$/m.exec(text);
  if (!m) throw new Error('metric qaz_sql_statements_total missing');
  return Number(m[1]);
}
