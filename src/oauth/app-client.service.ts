import type { EntityManager } from '@mikro-orm/postgresql';
import type { Sql } from '../db/sql.js';
import { statement } from '../db/statement.js';
import { BadInputError } from '../graphql/errors.js';
import { ApiClient } from './api-client.entity.js';
import { AppClient } from './app-client.entity.js';

// Public ids chosen by the operator (e.g. qaztracker-ios); the generated ids of API clients (qzc_...) never take this shape.
const APP_CLIENT_ID = /^[a-z][a-z0-9-]{2,62}$/;

const EXISTS = statement<{ found: 1 }, [clientId: string]>('app_client_exists', 'select 1 as found from app_clients where client_id = $1');

/** True for a registered app client; anything not shaped like one is not looked up. */
export async function isAppClient(sql: Sql, clientId: string): Promise<boolean> {
  if (!APP_CLIENT_ID.test(clientId)) return false;
  return (await sql.rows(EXISTS, clientId)).length > 0;
}

/** Registers a public client (an app): no secret, no partner, no scopes; its travellers' tokens carry its id. */
export async function registerAppClient(em: EntityManager, clientId: string, name: string): Promise<AppClient> {
  if (!APP_CLIENT_ID.test(clientId)) throw new BadInputError('An app client id is 3 to 63 lower-case letters, digits and dashes, starting with a letter', 'clientId');
  const label = name.trim();
  if (label.length < 1 || label.length > 100) throw new BadInputError('name must be 1 to 100 characters', 'name');
  // One namespace for both kinds: a token's client_id, and the documents registered under it, must name one client.
  if ((await em.count(AppClient, { clientId })) || (await em.count(ApiClient, { clientId }))) throw new BadInputError('That client id is already registered', 'clientId');
  const client = em.create(AppClient, { clientId, name: label });
  await em.persist(client).flush();
  return client;
}
