import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '../graphql/cursor.js';
import { BadInputError, NotFoundError } from '../graphql/errors.js';
import { Partner } from '../partners/partner.entity.js';
import { ApiClient } from './api-client.entity.js';
import type { ApiClientView, ClientKind, ClientPurpose } from './api-client.types.js';
import { mayDeclare } from './principal.js';
import { SCOPE_TOKEN } from './client-credentials.js';
import { hashSecret, newClientSecret } from './secret-hash.js';

export interface NewApiClient { name: string; partnerId: string; kind: ClientKind; scopes: string[]; purpose: ClientPurpose }

const MAX_SCOPE_LENGTH = 64;
const MAX_SCOPES = 20;

function validated(input: NewApiClient): NewApiClient {
  const name = input.name.trim();
  if (name.length < 1 || name.length > 100) throw new BadInputError('name must be 1 to 100 characters', 'name');
  if (!isUuid(input.partnerId)) throw new BadInputError('partnerId is not a partner id', 'partnerId');
  const scopes = [...new Set(input.scopes)];
  if (scopes.length < 1 || scopes.length > MAX_SCOPES || !scopes.every((s) => SCOPE_TOKEN.test(s) && s.length <= MAX_SCOPE_LENGTH)) {
    throw new BadInputError(`scopes must be 1 to ${MAX_SCOPES} OAuth scope tokens`, 'scopes');
  }
  if (!mayDeclare(input.kind, input.purpose)) throw new BadInputError('This kind of client cannot have that purpose', 'purpose');
  return { ...input, name, scopes };
}

export function toView(c: ApiClient): ApiClientView {
  return {
    clientId: c.clientId, name: c.name, partnerId: c.partner.id, kind: c.kind as ClientKind, scopes: c.scopes,
    purpose: c.purpose as ClientPurpose, disabledAt: c.disabledAt?.toISOString() ?? null,
  };
}

async function existing(em: EntityManager, clientId: string): Promise<ApiClient> {
  const client = await em.findOne(ApiClient, { clientId });
  if (!client) throw new NotFoundError('API client');
  return client;
}

export async function registerApiClient(em: EntityManager, input: NewApiClient): Promise<{ client: ApiClient; clientSecret: string }> {
  const v = validated(input);
  const partner = await em.findOne(Partner, v.partnerId);
  if (!partner) throw new BadInputError('No such partner', 'partnerId');
  if ((partner.kind === 'PAYMENT_PROVIDER') !== (v.kind === 'PAYMENT_PROVIDER')) {
    throw new BadInputError('PAYMENT_PROVIDER clients belong to payment-provider partners, and only they', 'kind');
  }
  const clientSecret = newClientSecret();
  const client = em.create(ApiClient, {
    clientId: `qzc_${randomBytes(12).toString('base64url')}`, secretHash: await hashSecret(clientSecret),
    name: v.name, partner, kind: v.kind, scopes: v.scopes, purpose: v.purpose,
  });
  await em.persist(client).flush();
  return { client, clientSecret };
}

/** A new secret; tokens already issued stay valid until they expire (disable the client to end them at once). */
export async function rotateApiClientSecret(em: EntityManager, clientId: string): Promise<{ client: ApiClient; clientSecret: string }> {
  const client = await existing(em, clientId);
  if (client.disabledAt) throw new BadInputError('The client is disabled', 'clientId');
  const clientSecret = newClientSecret();
  client.secretHash = await hashSecret(clientSecret);
  await em.flush();
  return { client, clientSecret };
}

/** No new tokens, and the standing check refuses every token issued so far. */
export async function disableApiClient(em: EntityManager, clientId: string): Promise<ApiClient> {
  const client = await existing(em, clientId);
  const now = new Date();
  client.disabledAt ??= now;
  client.tokensValidAfter = now;
  await em.flush();
  return client;
}
