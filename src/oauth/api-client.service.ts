import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '../graphql/cursor.js';
import { BadInputError, NotFoundError } from '../graphql/errors.js';
import { Partner } from '../partners/partner.entity.js';
import { ApiClient, type ApiClientKind } from './api-client.entity.js';
import { ClientKind, type ApiClientView, type ClientPurpose } from './api-client.type.js';
import { mayDeclare } from '../access/principal.js';
import { CLIENT_SCOPES, scopesOutside } from '../access/client.scopes.js';
import { hashSecret, newClientSecret } from './secret-hash.js';

export interface NewApiClient {
  name: string;
  partnerId: string;
  kind: ClientKind;
  scopes: string[];
  purpose: ClientPurpose;
}

const SCOPE_SHAPE = /^[a-z_]{1,30}:[a-z_]{1,30}$/;

/** At least one scope, each from the known list for the client's kind (a typo such as traveler:read is refused, never stored). */
function validScopes(kind: ApiClientKind, requested: readonly string[]): string[] {
  const scopes = [...new Set(requested)];
  const unknown = scopesOutside(kind, scopes);
  if (unknown.length) {
    // Named back only when shaped like a scope (a typo), so that no pasted value ever lands in an error message.
    const shown = unknown.every((s) => SCOPE_SHAPE.test(s)) ? `: ${unknown.join(' ')}` : '';
    throw new BadInputError(`Unknown scope for a ${kind} client${shown}; known: ${CLIENT_SCOPES[kind].join(' ')}`, 'scopes');
  }
  if (!scopes.length) throw new BadInputError(`Give at least one scope; known: ${CLIENT_SCOPES[kind].join(' ')}`, 'scopes');
  return scopes;
}

function validated(input: NewApiClient): NewApiClient {
  const name = input.name.trim();
  if (name.length < 1 || name.length > 100) throw new BadInputError('name must be 1 to 100 characters', 'name');
  if (!isUuid(input.partnerId)) throw new BadInputError('partnerId is not a partner id', 'partnerId');
  if (!mayDeclare(input.kind, input.purpose)) throw new BadInputError('This kind of client cannot have that purpose', 'purpose');
  return { ...input, name, scopes: validScopes(input.kind, input.scopes) };
}

export function toView(c: ApiClient): ApiClientView {
  return {
    clientId: c.clientId,
    name: c.name,
    partnerId: c.partner.id,
    kind: c.kind as ClientKind,
    scopes: c.scopes,
    purpose: c.purpose as ClientPurpose,
    disabledAt: c.disabledAt?.toISOString() ?? null,
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
  if ((partner.kind === 'PAYMENT_PROVIDER') !== (v.kind === ClientKind.PAYMENT_PROVIDER)) {
    throw new BadInputError('PAYMENT_PROVIDER clients belong to payment-provider partners, and only they', 'kind');
  }
  const clientSecret = newClientSecret();
  const client = em.create(ApiClient, {
    clientId: `qzc_${randomBytes(12).toString('base64url')}`,
    secretHash: await hashSecret(clientSecret),
    name: v.name,
    partner,
    kind: v.kind,
    scopes: v.scopes,
    purpose: v.purpose,
  });
  await em.persist(client).flush();
  return { client, clientSecret };
}

/**
 * A new secret, and new scopes when given; the client leaves with known scopes only (stored ones from before the list are refused:
 * pass scopes to replace them). Tokens already issued stay valid until they expire, unless they carry a scope the client lost.
 */
export async function rotateApiClientSecret(em: EntityManager, clientId: string, scopes?: readonly string[] | null): Promise<{ client: ApiClient; clientSecret: string }> {
  const client = await existing(em, clientId);
  if (client.disabledAt) throw new BadInputError('The client is disabled', 'clientId');
  client.scopes = validScopes(client.kind, scopes ?? client.scopes);
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
