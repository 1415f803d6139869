import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { decodeJwt } from 'jose';
import type { RunningGateway } from '../../src/gateway.js';
import {
  DisableApiClientDocument,
  RegisterApiClientDocument,
  RequestLoginCodeDocument,
  RevokeTokenDocument,
  RotateApiClientSecretDocument,
  VerifyLoginCodeDocument,
  type RegisterApiClientMutationVariables,
} from '../generated/operations.js';
import { DEV_LOGIN_CODE, startTestGateway } from '../support/gateway.js';
import { gql, postRaw } from '../support/http.js';
import { insertPerson } from '../support/persons.js';

let gw: RunningGateway;
let admin: Record<string, string>;
let operatorId: string;
let payerId: string;

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

async function tokenRequest(body: Record<string, string>, headers: Record<string, string> = {}) {
  const res = await fetch(`${gw.url}/oauth/token`, { method: 'POST', headers: { ...FORM, ...headers }, body: new URLSearchParams(body).toString() });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}

async function probe(token: string): Promise<{ status: number; code: unknown }> {
  const { status, body } = await postRaw(gw.url, JSON.stringify({ query: '{ __typename }' }), { authorization: `Bearer ${token}` });
  return { status, code: body.errors?.[0]?.extensions?.code };
}

/** An account with the given role, signed in through the mobile login with the development code. */
async function signedIn(role: string): Promise<Record<string, string>> {
  const phone = `+7701${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;
  await insertPerson(gw, { phone, role });
  await gql(gw.url, RequestLoginCodeDocument, { phone });
  const r = (await gql(gw.url, VerifyLoginCodeDocument, { phone, code: DEV_LOGIN_CODE })).body.data!.verifyLoginCode;
  if (r.__typename !== 'LoginSucceeded') throw new Error('staff login failed');
  return { authorization: `Bearer ${r.tokens.accessToken}` };
}

async function partner(kind: 'TOUR_OPERATOR' | 'PAYMENT_PROVIDER'): Promise<string> {
  const [row] = await gw.services.sql.rows<{ id: string }>(
    't_oauth_partner',
    `insert into partners (id, name, kind, country, city) values (gen_random_uuid(), $1, $2, 'KZ', 'Almaty') returning id`,
    [`test ${randomUUID()}`, kind],
  );
  return row.id;
}

async function register(over: Partial<RegisterApiClientMutationVariables> = {}) {
  const vars: RegisterApiClientMutationVariables = {
    name: 'Test operator',
    partnerId: operatorId,
    kind: 'PARTNER',
    scopes: ['travelers:read', 'bookings:read'],
    purpose: 'TOUR_BOOKING',
    ...over,
  };
  const { body } = await gql(gw.url, RegisterApiClientDocument, vars, admin);
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return { clientId: body.data.registerApiClient.client.clientId, secret: body.data.registerApiClient.clientSecret, client: body.data.registerApiClient.client };
}

beforeAll(async () => {
  gw = await startTestGateway();
  admin = await signedIn('ADMIN');
  operatorId = await partner('TOUR_OPERATOR');
  payerId = await partner('PAYMENT_PROVIDER');
});
afterAll(async () => {
  await gw.close();
});

describe('POST /oauth/token (client credentials)', () => {
  it('issues a partner token with HTTP Basic client authentication', async () => {
    const { clientId, secret, client } = await register();
    expect(client).toMatchObject({ partnerId: operatorId, kind: 'PARTNER', scopes: ['travelers:read', 'bookings:read'], disabledAt: null });
    const stored = await gw.services.sql.rows<{ secret_hash: string }>('t_oauth_hash', 'select secret_hash from api_clients where client_id = $1', [clientId]);
    expect(stored[0].secret_hash).toMatch(/^scrypt\$/);

    const res = await tokenRequest({ grant_type: 'client_credentials' }, { authorization: basic(clientId, secret) });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body).toMatchObject({ token_type: 'Bearer', expires_in: 900, scope: 'travelers:read bookings:read' });
    const claims = decodeJwt(res.body.access_token as string);
    expect(claims).toMatchObject({ sub: clientId, client_id: clientId, kind: 'PARTNER', partner_id: operatorId, scope: 'travelers:read bookings:read' });
    expect((await probe(res.body.access_token as string)).status).toBe(200);
  });

  it('issues a narrower token with credentials in the form body, and payment-provider tokens by registration', async () => {
    const { clientId, secret } = await register();
    const res = await tokenRequest({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret, scope: 'travelers:read' });
    expect(res.status).toBe(200);
    expect(res.body.scope).toBe('travelers:read');

    const payer = await register({ partnerId: payerId, kind: 'PAYMENT_PROVIDER', purpose: 'PAYMENT', scopes: ['payments:write'] });
    const paid = await tokenRequest({ grant_type: 'client_credentials', client_id: payer.clientId, client_secret: payer.secret });
    expect(decodeJwt(paid.body.access_token as string)).toMatchObject({ kind: 'PAYMENT_PROVIDER', partner_id: payerId });
  });

  it('refuses a wrong secret and an unknown client with invalid_client', async () => {
    const { clientId } = await register();
    const viaBasic = await tokenRequest({ grant_type: 'client_credentials' }, { authorization: basic(clientId, 'wrong') });
    expect(viaBasic.status).toBe(401);
    expect(viaBasic.headers.get('www-authenticate')).toMatch(/^Basic /);
    expect(viaBasic.body.error).toBe('invalid_client');
    const viaBody = await tokenRequest({ grant_type: 'client_credentials', client_id: clientId, client_secret: 'wrong' });
    expect(viaBody.status).toBe(400);
    expect(viaBody.body.error).toBe('invalid_client');
    const unknown = await tokenRequest({ grant_type: 'client_credentials', client_id: 'qzc_nobody', client_secret: 'whatever' });
    expect(unknown.body).toEqual(viaBody.body);
  });

  it('refuses a scope beyond the registration with invalid_scope', async () => {
    const { clientId, secret } = await register({ scopes: ['travelers:read'] });
    const res = await tokenRequest({ grant_type: 'client_credentials', scope: 'travelers:read payments:write' }, { authorization: basic(clientId, secret) });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_scope');
  });

  it('requires a form-encoded POST', async () => {
    const { clientId, secret } = await register();
    const json = await fetch(`${gw.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }),
    });
    expect(json.status).toBe(400);
    expect(await json.json()).toMatchObject({ error: 'invalid_request' });
    const get = await fetch(`${gw.url}/oauth/token`);
    expect(get.status).toBe(405);
  });

  it('stops checking secrets for a client id after 10 failures in 15 minutes', async () => {
    const { clientId, secret } = await register();
    for (let i = 0; i < 10; i++)
      expect((await tokenRequest({ grant_type: 'client_credentials', client_id: clientId, client_secret: `wrong${i}` })).body.error).toBe('invalid_client');
    const res = await tokenRequest({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('client administration', () => {
  it('rotates a secret: the old one stops working, tokens already issued keep working', async () => {
    const { clientId, secret } = await register();
    const before = await tokenRequest({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret });
    const { body } = await gql(gw.url, RotateApiClientSecretDocument, { clientId }, admin);
    const fresh = body.data!.rotateApiClientSecret.clientSecret;
    expect(fresh).not.toBe(secret);
    expect((await tokenRequest({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret })).body.error).toBe('invalid_client');
    expect((await tokenRequest({ grant_type: 'client_credentials', client_id: clientId, client_secret: fresh })).status).toBe(200);
    expect((await probe(before.body.access_token as string)).status).toBe(200);
  });

  it('disables a client: no new tokens, and its issued tokens fail with TOKEN_REVOKED', async () => {
    const { clientId, secret } = await register();
    const issued = await tokenRequest({ grant_type: 'client_credentials' }, { authorization: basic(clientId, secret) });
    const { body } = await gql(gw.url, DisableApiClientDocument, { clientId }, admin);
    expect(body.data!.disableApiClient.disabledAt).not.toBeNull();
    expect(await probe(issued.body.access_token as string)).toEqual({ status: 401, code: 'TOKEN_REVOKED' });
    const again = await tokenRequest({ grant_type: 'client_credentials' }, { authorization: basic(clientId, secret) });
    expect(again.status).toBe(401);
    expect(again.body.error).toBe('invalid_client');
  });

  it('revokes a single token by jti', async () => {
    const { clientId, secret } = await register();
    const one = await tokenRequest({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret });
    const two = await tokenRequest({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret });
    const { body } = await gql(gw.url, RevokeTokenDocument, { jti: decodeJwt(one.body.access_token as string).jti! }, admin);
    expect(body.data!.revokeToken).toBe(true);
    expect(await probe(one.body.access_token as string)).toEqual({ status: 401, code: 'TOKEN_REVOKED' });
    expect((await probe(two.body.access_token as string)).status).toBe(200);
  });

  it('validates registrations', async () => {
    const mismatch = await gql(gw.url, RegisterApiClientDocument, { name: 'x', partnerId: operatorId, kind: 'PARTNER', scopes: ['travelers:read'], purpose: 'PAYMENT' }, admin);
    expect(mismatch.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'purpose' });
    const wrongPartner = await gql(
      gw.url,
      RegisterApiClientDocument,
      { name: 'x', partnerId: operatorId, kind: 'PAYMENT_PROVIDER', scopes: ['payments:write'], purpose: 'PAYMENT' },
      admin,
    );
    expect(wrongPartner.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' });
    const badScope = await gql(gw.url, RegisterApiClientDocument, { name: 'x', partnerId: operatorId, kind: 'PARTNER', scopes: ['has space'], purpose: 'TOUR_BOOKING' }, admin);
    expect(badScope.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'scopes' });
  });

  it('is for administrators only', async () => {
    const vars: RegisterApiClientMutationVariables = { name: 'x', partnerId: operatorId, kind: 'PARTNER', scopes: ['travelers:read'], purpose: 'TOUR_BOOKING' };
    const anonymous = await gql(gw.url, RegisterApiClientDocument, vars);
    expect(anonymous.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    for (const role of ['TRAVELER', 'SUPPORT']) {
      const { body } = await gql(gw.url, RegisterApiClientDocument, vars, await signedIn(role));
      expect(body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(body.data).toBeNull();
    }
    const revoke = await gql(gw.url, RevokeTokenDocument, { jti: 'abc' }, await signedIn('MODERATOR'));
    expect(revoke.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
