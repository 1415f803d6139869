import type { EntityManager } from '@mikro-orm/postgresql';
import type { ManifestEntry } from './trusted-document.manifest.js';

export interface DocumentSetState { enforced: boolean; version: number; documents: number }

/** True when the id names a registered API client or app client: documents are registered for those only. */
export async function isRegisteredClient(em: EntityManager, clientId: string): Promise<boolean> {
  const [row] = await em.execute<{ found: boolean }[]>(
    'select exists(select 1 from api_clients where client_id = ?) or exists(select 1 from app_clients where client_id = ?) as found', [clientId, clientId]);
  return row.found;
}

/** The client's set: whether it is enforced, its version and how many documents it holds; null before its first upload. */
export async function documentSetState(em: EntityManager, clientId: string): Promise<DocumentSetState | null> {
  const [row] = await em.execute<DocumentSetState[]>(`select s.enforced, s.version, (select count(*)::int from trusted_documents d where d.client_id = s.client_id) as documents
    from trusted_document_sets s where s.client_id = ?`, [clientId]);
  return row ?? null;
}

/**
 * Adds the documents to the client's set (made on first upload, not enforced), or with `replace` makes them its only ones; the version
 * moves in the same transaction, so every gateway uses the new set from its next request of this client.
 */
export async function storeDocuments(em: EntityManager, clientId: string, entries: readonly ManifestEntry[], replace: boolean): Promise<DocumentSetState> {
  return em.transactional(async (tem) => {
    await tem.execute(`insert into trusted_document_sets (client_id) values (?)
      on conflict (client_id) do update set version = trusted_document_sets.version + 1, updated_at = now()`, [clientId]);
    const json = JSON.stringify(entries);
    if (replace) {
      await tem.execute('delete from trusted_documents where client_id = ? and id not in (select id from jsonb_to_recordset(?::jsonb) as s(id text))', [clientId, json]);
    }
    // Ids are hashes of their texts: a document already there is the same document.
    await tem.execute(`insert into trusted_documents (client_id, id, body) select ?, id, text from jsonb_to_recordset(?::jsonb) as s(id text, text text)
      on conflict do nothing`, [clientId, json]);
    return (await documentSetState(tem, clientId))!;
  });
}

/** Holds the client to its registered documents, or lets it send free-form queries again; null when it has registered none. */
export async function setEnforced(em: EntityManager, clientId: string, enforced: boolean): Promise<DocumentSetState | null> {
  return em.transactional(async (tem) => {
    const state = await documentSetState(tem, clientId);
    if (!state || (enforced && state.documents === 0)) return null;
    await tem.execute('update trusted_document_sets set enforced = ?, version = version + 1, updated_at = now() where client_id = ?', [enforced, clientId]);
    return documentSetState(tem, clientId);
  });
}
