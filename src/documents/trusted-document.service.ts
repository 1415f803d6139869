import type { EntityManager } from '@mikro-orm/postgresql';
import type { Sql } from '../db/sql.js';
import { statement, type Statements } from '../db/statement.js';
import type { ManifestEntry } from './trusted-document.manifest.js';

export interface DocumentSetState {
  enforced: boolean;
  version: number;
  documents: number;
}

const REGISTERED = statement<{ found: boolean }, [clientId: string]>(
  'trusted_documents_client_registered',
  'select exists(select 1 from api_clients where client_id = $1) or exists(select 1 from app_clients where client_id = $1) as found',
);
const SET_STATE = statement<DocumentSetState, [clientId: string]>(
  'trusted_documents_set_state',
  `select s.enforced, s.version,
    (select count(*)::int from trusted_documents d where d.client_id = s.client_id) as documents
  from trusted_document_sets s where s.client_id = $1`,
);
const SET_NEXT_VERSION = statement<never, [clientId: string]>(
  'trusted_documents_set_upsert',
  `insert into trusted_document_sets (client_id) values ($1)
  on conflict (client_id) do update set version = trusted_document_sets.version + 1, updated_at = now()`,
);
const DROP_OTHERS = statement<never, [clientId: string, entries: string]>(
  'trusted_documents_drop_others',
  'delete from trusted_documents where client_id = $1 and id not in (select id from jsonb_to_recordset($2::jsonb) as s(id text))',
);
// Ids are hashes of their texts: a document already there is the same document.
const ADD = statement<never, [clientId: string, entries: string]>(
  'trusted_documents_add',
  `insert into trusted_documents (client_id, id, body)
  select $1, id, text from jsonb_to_recordset($2::jsonb) as s(id text, text text) on conflict do nothing`,
);
const SET_ENFORCED = statement<never, [clientId: string, enforced: boolean]>(
  'trusted_documents_set_enforced',
  'update trusted_document_sets set enforced = $2, version = version + 1, updated_at = now() where client_id = $1',
);

/** True when the id names a registered API client or app client: documents are registered for those only. */
export async function isRegisteredClient(db: Statements, clientId: string): Promise<boolean> {
  const [row] = await db.rows(REGISTERED, clientId);
  return row.found;
}

/** The client's set: whether it is enforced, its version and how many documents it holds; null before its first upload. */
export async function documentSetState(db: Statements, clientId: string): Promise<DocumentSetState | null> {
  return (await db.one(SET_STATE, clientId)) ?? null;
}

/**
 * Adds the documents to the client's set (made on first upload, not enforced), or with `replace` makes them its only ones; the version
 * moves in the same transaction, so every gateway uses the new set from its next request of this client.
 */
export async function storeDocuments(sql: Sql, em: EntityManager, clientId: string, entries: readonly ManifestEntry[], replace: boolean): Promise<DocumentSetState> {
  return em.transactional(async (tem) => {
    const tx = sql.within(tem);
    await tx.count(SET_NEXT_VERSION, clientId);
    const json = JSON.stringify(entries);
    if (replace) await tx.count(DROP_OTHERS, clientId, json);
    await tx.count(ADD, clientId, json);
    return (await documentSetState(tx, clientId))!;
  });
}

/** Holds the client to its registered documents, or lets it send free-form queries again; null when it has registered none. */
export async function setEnforced(sql: Sql, em: EntityManager, clientId: string, enforced: boolean): Promise<DocumentSetState | null> {
  return em.transactional(async (tem) => {
    const tx = sql.within(tem);
    const state = await documentSetState(tx, clientId);
    if (!state || (enforced && state.documents === 0)) return null;
    await tx.count(SET_ENFORCED, clientId, enforced);
    return documentSetState(tx, clientId);
  });
}
