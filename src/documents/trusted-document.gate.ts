import type { Authenticated } from '../access/request-facts.js';
import type { Sql } from '../db/sql.js';
import { statement } from '../db/statement.js';
import { LruCache } from '../cache/lru-cache.js';
import { HttpError } from '../http/body.js';
import type { GraphqlHttpRequest, PrepareRequest } from '../http/graphql.handler.js';
import { documentIdOf } from './trusted-document.id.js';

export const FREE_FORM_REFUSED = 'TRUSTED_DOCUMENTS_ONLY';
export const UNKNOWN_DOCUMENT = 'PERSISTED_DOCUMENT_NOT_FOUND';

// Clients with registered documents are registered by an administrator, so few; the bound only keeps memory in check.
const CLIENTS_KEPT = 256;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

interface Manifest {
  version: number;
  documents: ReadonlyMap<string, string>;
}

/** The ids a request may carry: GraphQL over HTTP's documentId, and Apollo's persisted-query hash. */
interface Named {
  documentId: string | null;
  persistedHash: string | null;
}

function jsonParam(search: URLSearchParams, name: string): unknown {
  const raw = search.get(name);
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

function persistedHashOf(extensions: unknown): string | null {
  const pq = isObject(extensions) ? extensions.persistedQuery : undefined;
  return isObject(pq) && typeof pq.sha256Hash === 'string' ? pq.sha256Hash : null;
}

function namedIn(request: GraphqlHttpRequest): Named {
  if (request.method === 'GET') {
    const search = new URLSearchParams(request.search);
    return { documentId: search.get('documentId'), persistedHash: persistedHashOf(jsonParam(search, 'extensions')) };
  }
  if (!isObject(request.body)) return { documentId: null, persistedHash: null };
  const { documentId, extensions } = request.body;
  return { documentId: typeof documentId === 'string' ? documentId : null, persistedHash: persistedHashOf(extensions) };
}

function withoutPersistedQuery(extensions: unknown): unknown {
  if (!isObject(extensions)) return extensions;
  const { persistedQuery: _dropped, ...rest } = extensions;
  return Object.keys(rest).length ? rest : undefined;
}

/** The request with the registered document as its query; the id fields go, so that Apollo neither looks up nor registers them. */
function withDocument(request: GraphqlHttpRequest, text: string): GraphqlHttpRequest {
  if (request.method === 'GET') {
    const search = new URLSearchParams(request.search);
    search.delete('documentId');
    const extensions = withoutPersistedQuery(jsonParam(search, 'extensions'));
    if (extensions === undefined) search.delete('extensions');
    else search.set('extensions', JSON.stringify(extensions));
    search.set('query', text);
    return { ...request, search: `?${search.toString()}` };
  }
  const { documentId: _id, extensions, ...body } = request.body as Json;
  const rest = withoutPersistedQuery(extensions);
  return { ...request, body: { ...body, ...(rest === undefined ? {} : { extensions: rest }), query: text } };
}

const DOCUMENTS_OF = statement<{ id: string; body: string }, [clientId: string]>('trusted_documents_of', 'select id, body from trusted_documents where client_id = $1');

async function loadDocuments(sql: Sql, clientId: string): Promise<Map<string, string>> {
  const rows = await sql.rows(DOCUMENTS_OF, clientId);
  return new Map(rows.map((r) => [r.id, r.body]));
}

/**
 * Trusted documents: a client whose documents are enforced runs registered documents only, named by id; a client with documents that
 * are not enforced may name them too. Clients without any, the rest, pass untouched. Each instance keeps a client's documents in memory
 * under the version the token check read with the client, and reloads them once that version moves (an upload or a change of rule).
 */
export function trustedDocumentGate(sql: Sql): PrepareRequest {
  const manifests = new LruCache<string, Manifest>(CLIENTS_KEPT);

  async function documentsOf(clientId: string, version: number): Promise<ReadonlyMap<string, string>> {
    const kept = manifests.get(clientId);
    if (kept?.version === version) return kept.documents;
    const documents = await loadDocuments(sql, clientId);
    manifests.set(clientId, { version, documents });
    return documents;
  }

  return async ({ principal, facts }: Authenticated, request: GraphqlHttpRequest) => {
    const rule = facts.trustedDocuments;
    if (rule === null || principal.clientId === null) return request;
    const named = namedIn(request);
    const id = named.documentId ?? named.persistedHash;
    if (id === null) {
      if (!rule.enforced) return request;
      throw new HttpError(403, FREE_FORM_REFUSED, 'This client may run registered documents only: send documentId (or extensions.persistedQuery.sha256Hash) instead of query');
    }
    const key = documentIdOf(id);
    const text = key === null ? undefined : (await documentsOf(principal.clientId, rule.version)).get(key);
    if (text !== undefined) return withDocument(request, text);
    // An unenforced client's persisted-query hash that is none of its documents stays Apollo's to look up, as for every other client.
    if (!rule.enforced && named.documentId === null) return request;
    throw new HttpError(400, UNKNOWN_DOCUMENT, 'No document registered for this client has that id');
  };
}
