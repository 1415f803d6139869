import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateKeyPair, SignJWT, type CryptoKey, type JWTHeaderParameters, type JWTPayload } from 'jose';
import { issueAccessToken } from '../../src/oauth/access-token.js';
import { loadOrCreateKeyRing, type KeyRing } from '../../src/oauth/signing-keys.js';
import type { RunningGateway } from '../../src/gateway.js';
import { startTestGateway, changeStanding } from '../support/gateway.js';
import { postRaw } from '../support/http.js';

let gw: RunningGateway;
let ring: KeyRing;
let userId: string;
const now = () => Math.floor(Date.now() / 1000);

async function account(role: string): Promise<string> {
  const [row] = await gw.services.sql.rows<{ id: string }>('t_bad_user', 'insert into users (id, role) values (gen_random_uuid(), $1) returning id', [role]);
  return row.id;
}

function goodClaims(): JWTPayload {
  const cfg = gw.services.cfg;
  return { iss: cfg.jwt.issuer, aud: cfg.jwt.audience, sub: userId, iat: now(), nbf: now(), exp: now() + 600, jti: randomUUID(), client_id: 'qaztracker-mobile', kind: 'USER' };
}

/** A token like the gateway's own, signed with its active key unless told otherwise, with some part changed. */
function craft(claims: JWTPayload = {}, header: Partial<JWTHeaderParameters> = {}, key?: CryptoKey | Uint8Array): Promise<string> {
  const active = ring.signingKey();
  return new SignJWT({ ...goodClaims(), ...claims }).setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: active.kid, ...header }).sign(key ?? active.key);
}

async function call(headers: Record<string, string>): Promise<{ status: number; code: unknown; challenge: string | null }> {
  const res = await fetch(`${gw.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: '{ __typename }' }) });
  const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
  return { status: res.status, code: body.errors?.[0]?.extensions?.code, challenge: res.headers.get('www-authenticate') };
}

const bearer = (token: string) => call({ authorization: `Bearer ${token}` });

/** fetch folds repeated headers into one; node:http sends them as written (and then adds no Host of its own). */
function rawPost(rawHeaders: string[]): Promise<{ status: number; body: { errors?: { extensions?: { code?: string } }[] } }> {
  const url = new URL(`${gw.url}/graphql`);
  const payload = JSON.stringify({ query: '{ __typename }' });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: ['host', url.host, 'content-type', 'application/json', 'content-length', String(Buffer.byteLength(payload)), ...rawHeaders],
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => {
          text += c.toString();
        });
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode!, body: JSON.parse(text) });
          } catch (e) {
            reject(e);
          }
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

beforeAll(async () => {
  gw = await startTestGateway();
  ring = await loadOrCreateKeyRing(gw.services.cfg.jwt.keysDir);
  userId = await account('TRAVELER');
});
afterAll(async () => {
  await gw.close();
});

describe('/graphql refuses bad tokens with 401 and a code, never as anonymous', () => {
  it('accepts the well-formed baseline', async () => {
    expect(await bearer(await craft())).toMatchObject({ status: 200, code: undefined });
  });

  it.each([
    ['expired', { iat: now() - 3600, nbf: now() - 3600, exp: now() - 120 }, {}, 'TOKEN_EXPIRED'],
    ['not yet valid', { nbf: now() + 600, exp: now() + 1200 }, {}, 'TOKEN_NOT_YET_VALID'],
    ['issued in the future', { iat: now() + 600, exp: now() + 1200 }, {}, 'TOKEN_NOT_YET_VALID'],
    ['for another audience', { aud: 'another-service' }, {}, 'TOKEN_AUDIENCE'],
    ['from another issuer', { iss: 'https://issuer.example' }, {}, 'TOKEN_ISSUER'],
    ['an ID token (typ JWT)', {}, { typ: 'JWT' }, 'TOKEN_TYPE'],
    ['without a kid', {}, { kid: undefined }, 'TOKEN_UNKNOWN_KEY'],
    ['without a jti', { jti: undefined }, {}, 'TOKEN_CLAIMS'],
    ['claiming a kind the account does not have', { kind: 'ADMIN' }, {}, 'TOKEN_REVOKED'],
  ] as const)('%s', async (_name, claims, header, code) => {
    const res = await bearer(await craft(claims, header));
    expect(res.status).toBe(401);
    expect(res.code).toBe(code);
    expect(res.challenge).toMatch(/^Bearer realm="qaztracker", error="invalid_token"/);
  });

  it('alg none', async () => {
    const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const token = `${part({ alg: 'none', typ: 'at+jwt', kid: ring.activeKid })}.${part(goodClaims())}.`;
    expect(await bearer(token)).toMatchObject({ status: 401, code: 'TOKEN_ALGORITHM' });
  });

  it('HS256 signed with the public key as the HMAC secret', async () => {
    const publicJwk = ring.publicJwks().keys[0];
    const token = await craft({}, { alg: 'HS256' }, new TextEncoder().encode(JSON.stringify(publicJwk)));
    expect(await bearer(token)).toMatchObject({ status: 401, code: 'TOKEN_ALGORITHM' });
  });

  it('signed by a key the gateway does not know, or under a known kid with another key', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    expect(await bearer(await craft({}, { kid: 'unknown-key' }, privateKey))).toMatchObject({ status: 401, code: 'TOKEN_UNKNOWN_KEY' });
    expect(await bearer(await craft({}, {}, privateKey))).toMatchObject({ status: 401, code: 'TOKEN_SIGNATURE' });
  });

  it('a token id on the revocation list', async () => {
    const jti = randomUUID();
    await gw.services.sql.rows('t_bad_revoke', "insert into revoked_tokens (jti, expires_at) values ($1, now() + interval '1 hour')", [jti]);
    expect(await bearer(await craft({ jti }))).toMatchObject({ status: 401, code: 'TOKEN_REVOKED' });
  });

  it('a token of a disabled client', async () => {
    const [client] = await gw.services.sql.rows<{ client_id: string; partner_id: string }>(
      't_bad_client',
      `with p as (
        insert into partners (id, name, kind, country, city) values (gen_random_uuid(), $1, 'TOUR_OPERATOR', 'KZ', 'Almaty') returning id)
      insert into api_clients (id, client_id, secret_hash, name, partner_id, kind, scopes, purpose)
      select gen_random_uuid(), $1, 'unusable', 'test', p.id, 'PARTNER', '{travelers:read}', 'TOUR_BOOKING' from p returning client_id, partner_id`,
      [`qzc_test_${randomUUID()}`],
    );
    const token = await craft({ sub: client.client_id, client_id: client.client_id, partner_id: client.partner_id, kind: 'PARTNER' });
    expect((await bearer(token)).status).toBe(200);
    await changeStanding(gw, 't_bad_disable', 'update api_clients set disabled_at = now() where client_id = $1', [client.client_id]);
    expect(await bearer(token)).toMatchObject({ status: 401, code: 'TOKEN_REVOKED' });
  });

  it('a blocked account', async () => {
    const blocked = await account('TRAVELER');
    await gw.services.sql.rows('t_bad_block', "update users set status = 'BLOCKED' where id = $1", [blocked]);
    expect(await bearer(await craft({ sub: blocked }))).toMatchObject({ status: 401, code: 'TOKEN_REVOKED' });
  });

  it.each([
    ['Bearer with nothing after it', ['authorization', 'Bearer ']],
    ['another scheme', ['authorization', 'Basic dXNlcjpwYXNz']],
    ['two Authorization headers', ['authorization', 'Bearer a.b.c', 'authorization', 'Bearer d.e.f']],
  ])('%s', async (_name, headers) => {
    const res = await rawPost(headers);
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0].extensions?.code).toBe('TOKEN_MALFORMED');
  });

  it('two Authorization headers even when one token is good', async () => {
    const good = await craft();
    const res = await rawPost(['authorization', `Bearer ${good}`, 'authorization', `Bearer ${good}`]);
    expect(res).toMatchObject({ status: 401, body: { errors: [{ extensions: { code: 'TOKEN_MALFORMED' } }] } });
  });
});

describe('declared purposes (X-Purpose)', () => {
  async function staffToken(role: 'MODERATOR' | 'ADMIN' | 'SUPPORT'): Promise<string> {
    return issueAccessToken(ring, gw.services.cfg, { sub: await account(role), kind: role, clientId: 'test-staff' }, 300);
  }

  it('refuses a purpose the role may not declare with 403 PURPOSE_NOT_ALLOWED', async () => {
    const token = await staffToken('MODERATOR');
    expect((await bearer(token)).status).toBe(200);
    const { status, body } = await postRaw(gw.url, JSON.stringify({ query: '{ __typename }' }), {
      authorization: `Bearer ${token}`,
      'x-purpose': 'FRAUD_PREVENTION',
      'x-purpose-ref': 'CASE-1',
    });
    expect(status).toBe(403);
    expect(body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'PURPOSE_NOT_ALLOWED' });
    const traveller = await craft();
    const asUser = await postRaw(gw.url, JSON.stringify({ query: '{ __typename }' }), { authorization: `Bearer ${traveller}`, 'x-purpose': 'ANALYTICS' });
    expect(asUser.body.errors[0].extensions).toMatchObject({ reason: 'PURPOSE_NOT_ALLOWED' });
  });

  it('accepts a purpose the role may declare', async () => {
    const { status } = await postRaw(gw.url, JSON.stringify({ query: '{ __typename }' }), {
      authorization: `Bearer ${await staffToken('ADMIN')}`,
      'x-purpose': 'FRAUD_PREVENTION',
      'x-purpose-ref': 'CASE-2026-17',
    });
    expect(status).toBe(200);
  });

  it('refuses an unknown purpose', async () => {
    const { status, body } = await postRaw(gw.url, JSON.stringify({ query: '{ __typename }' }), {
      authorization: `Bearer ${await staffToken('SUPPORT')}`,
      'x-purpose': 'MARKETING',
    });
    expect(status).toBe(403);
    expect(body.errors[0].extensions.reason).toBe('PURPOSE_UNKNOWN');
  });
});
