import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { decodeJwt } from 'jose';
import type { RunningGateway } from '../../src/gateway.js';
import { LogoutDocument, RefreshSessionDocument, RequestLoginCodeDocument, VerifyLoginCodeDocument } from '../generated/operations.js';
import { DEV_LOGIN_CODE, startTestGateway } from '../support/gateway.js';
import { gql, postRaw } from '../support/http.js';
import { insertPerson } from '../support/persons.js';

let gw: RunningGateway;
const sent = new Map<string, string>();

beforeAll(async () => {
  gw = await startTestGateway();
  // Records the codes instead of printing them, so the tests can type the real code.
  gw.services.sms = {
    async sendLoginCode(phone, code) {
      sent.set(phone, code);
    },
  };
});
afterAll(async () => {
  await gw.close();
});

async function freshPhone(g: RunningGateway = gw): Promise<string> {
  for (;;) {
    const phone = `+7747${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;
    const taken = await g.services.sql.rows('t_login_phone_taken', 'select 1 from users where phone_bidx = $1', [g.services.vault.blindIndex('PHONE', phone)]);
    if (!taken.length) return phone;
  }
}

/** A probe that only authentication can fail: 200 for a good token, 401 with the code for a bad one. */
async function probe(token: string): Promise<{ status: number; code: unknown }> {
  const { status, body } = await postRaw(gw.url, JSON.stringify({ query: '{ __typename }' }), { authorization: `Bearer ${token}` });
  return { status, code: body.errors?.[0]?.extensions?.code };
}

async function signIn(phone: string, code = DEV_LOGIN_CODE) {
  const req = await gql(gw.url, RequestLoginCodeDocument, { phone });
  expect(req.body.errors).toBeUndefined();
  const { body } = await gql(gw.url, VerifyLoginCodeDocument, { phone, code });
  const r = body.data!.verifyLoginCode;
  if (r.__typename !== 'LoginSucceeded') throw new Error(`login failed: ${JSON.stringify(r)}`);
  return r;
}

async function refresh(refreshToken: string) {
  const { body } = await gql(gw.url, RefreshSessionDocument, { refreshToken });
  expect(body.errors).toBeUndefined();
  return body.data!.refreshSession;
}

describe('mobile login with SMS codes', () => {
  it('signs a new phone in with the code it was sent, creating a traveller account', async () => {
    const phone = await freshPhone();
    const national = `8 (${phone.slice(2, 5)}) ${phone.slice(5, 8)}-${phone.slice(8, 10)}-${phone.slice(10)}`;
    const req = await gql(gw.url, RequestLoginCodeDocument, { phone: national });
    expect(req.body.data!.requestLoginCode.expiresInSeconds).toBe(300);
    const code = sent.get(phone)!;
    expect(code).toMatch(/^\d{6}$/);

    const { body } = await gql(gw.url, VerifyLoginCodeDocument, { phone, code });
    const r = body.data!.verifyLoginCode;
    if (r.__typename !== 'LoginSucceeded') throw new Error('expected LoginSucceeded');
    expect(r.newAccount).toBe(true);
    expect(r.tokens).toMatchObject({ tokenType: 'Bearer', expiresInSeconds: 900 });
    expect(r.tokens.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const claims = decodeJwt(r.tokens.accessToken);
    expect(claims).toMatchObject({ kind: 'USER', client_id: 'qaztracker-mobile' });
    expect(claims.exp! - claims.iat!).toBe(900);
    const [user] = await gw.services.sql.rows<{ id: string; role: string }>('t_login_user', 'select id, role from users where phone_bidx = $1', [
      gw.services.vault.blindIndex('PHONE', phone),
    ]);
    expect(user).toEqual({ id: claims.sub, role: 'TRAVELER' });
    const [session] = await gw.services.sql.rows<{ refresh_hash: string }>('t_login_session', 'select refresh_hash from sessions where id = $1', [claims.sid]);
    expect(session.refresh_hash).not.toBe(r.tokens.refreshToken);
    expect((await probe(r.tokens.accessToken)).status).toBe(200);

    // A used code is spent, and neither the phone nor the code is stored in clear.
    const again = await gql(gw.url, VerifyLoginCodeDocument, { phone, code });
    expect(again.body.data!.verifyLoginCode).toEqual({ __typename: 'LoginFailed', reason: 'CODE_EXPIRED', attemptsLeft: 0 });
    const rows = await gw.services.sql.rows<Record<string, unknown>>('t_login_codes_dump', 'select * from login_codes');
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(phone.slice(1));
    expect(dump).not.toContain(`"${code}"`);
  });

  it('signs an existing account in with the development code', async () => {
    const phone = await freshPhone();
    const first = await signIn(phone);
    const second = await signIn(phone);
    expect(first.newAccount).toBe(true);
    expect(second.newAccount).toBe(false);
    expect(decodeJwt(second.tokens.accessToken).sub).toBe(decodeJwt(first.tokens.accessToken).sub);
  });

  it('outside production a staff account signs in by SMS code too (production refuses it, see the production test)', async () => {
    const phone = await freshPhone();
    const id = await insertPerson(gw, { role: 'SUPPORT', phone });
    const r = await signIn(phone);
    expect(decodeJwt(r.tokens.accessToken)).toMatchObject({ sub: id, kind: 'SUPPORT' });
    expect((await probe(r.tokens.accessToken)).status).toBe(200);
  });

  it('refuses a number that is not a Kazakh mobile, without echoing it', async () => {
    const { body } = await gql(gw.url, RequestLoginCodeDocument, { phone: '+4915112345678' });
    expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(body)).not.toContain('15112345678');
  });

  it('kills a code after 5 wrong tries: even the right code then gets RATE_LIMITED', async () => {
    const phone = await freshPhone();
    await gql(gw.url, RequestLoginCodeDocument, { phone });
    const code = sent.get(phone)!;
    const wrong = [1, 2, 3, 4, 5].map((d) => String((Number(code) + d) % 1_000_000).padStart(6, '0')).filter((c) => c !== DEV_LOGIN_CODE);
    const left: number[] = [];
    for (const c of wrong.slice(0, 5)) {
      const r = (await gql(gw.url, VerifyLoginCodeDocument, { phone, code: c })).body.data!.verifyLoginCode;
      if (r.__typename !== 'LoginFailed') throw new Error('a wrong code succeeded');
      expect(r.reason).toBe('WRONG_CODE');
      left.push(r.attemptsLeft);
    }
    expect(left).toEqual([4, 3, 2, 1, 0]);
    const { body } = await gql(gw.url, VerifyLoginCodeDocument, { phone, code });
    expect(body.data).toBeNull();
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    const retry = body.errors![0].extensions!.retryAfterSeconds as number;
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(300);
  });

  it('sends at most 3 codes per phone in 15 minutes', async () => {
    const phone = await freshPhone();
    for (let i = 0; i < 3; i++) expect((await gql(gw.url, RequestLoginCodeDocument, { phone })).body.errors).toBeUndefined();
    const { body } = await gql(gw.url, RequestLoginCodeDocument, { phone: phone.replace('+7', '8') });
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    const retry = body.errors![0].extensions!.retryAfterSeconds as number;
    expect(retry).toBeGreaterThan(800);
    expect(retry).toBeLessThanOrEqual(900);
    // Only the newest code counts, and other phones are unaffected.
    expect((await signIn(await freshPhone())).newAccount).toBe(true);
  });
});

describe('sessions', () => {
  it('rotates the refresh token, and a reused one revokes the whole session', async () => {
    const login = await signIn(await freshPhone());
    const r1 = login.tokens.refreshToken;
    const rotated = await refresh(r1);
    if (rotated.__typename !== 'SessionRefreshed') throw new Error('refresh failed');
    const { accessToken: a2, refreshToken: r2 } = rotated.tokens;
    expect(r2).not.toBe(r1);
    expect(decodeJwt(a2).sid).toBe(decodeJwt(login.tokens.accessToken).sid);
    expect((await probe(a2)).status).toBe(200);

    expect(await refresh(r1)).toEqual({ __typename: 'RefreshFailed', reason: 'SESSION_REVOKED' });
    expect(await probe(a2)).toEqual({ status: 401, code: 'TOKEN_REVOKED' });
    expect(await probe(login.tokens.accessToken)).toEqual({ status: 401, code: 'TOKEN_REVOKED' });
    expect(await refresh(r2)).toEqual({ __typename: 'RefreshFailed', reason: 'SESSION_REVOKED' });
  });

  it('refuses refresh tokens it never issued', async () => {
    expect(await refresh('x'.repeat(43))).toEqual({ __typename: 'RefreshFailed', reason: 'INVALID_TOKEN' });
    expect(await refresh('not a token')).toEqual({ __typename: 'RefreshFailed', reason: 'INVALID_TOKEN' });
  });

  it('logout ends the session and revokes the presented token', async () => {
    const login = await signIn(await freshPhone());
    const rotated = await refresh(login.tokens.refreshToken);
    if (rotated.__typename !== 'SessionRefreshed') throw new Error('refresh failed');
    const { accessToken, refreshToken } = rotated.tokens;
    const out = await gql(gw.url, LogoutDocument, undefined, { authorization: `Bearer ${accessToken}` });
    expect(out.body).toEqual({ data: { logout: true } });
    const jti = decodeJwt(accessToken).jti;
    expect(await gw.services.sql.rows('t_login_revoked', 'select 1 from revoked_tokens where jti = $1', [jti])).toHaveLength(1);
    expect(await probe(accessToken)).toEqual({ status: 401, code: 'TOKEN_REVOKED' });
    expect(await probe(login.tokens.accessToken)).toEqual({ status: 401, code: 'TOKEN_REVOKED' });
    expect(await refresh(refreshToken)).toEqual({ __typename: 'RefreshFailed', reason: 'SESSION_REVOKED' });
  });

  it('logout without a token is refused', async () => {
    const { body } = await gql(gw.url, LogoutDocument);
    expect(body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('per-address throttling', () => {
  let own: RunningGateway;
  beforeAll(async () => {
    own = await startTestGateway();
    own.services.sms = { async sendLoginCode() {} };
  });
  afterAll(async () => {
    await own.close();
  });

  it('limits code requests from one address to 20 in 15 minutes, whatever the phones', async () => {
    for (let i = 0; i < 20; i++) expect((await gql(own.url, RequestLoginCodeDocument, { phone: await freshPhone(own) })).body.errors).toBeUndefined();
    const { body } = await gql(own.url, RequestLoginCodeDocument, { phone: await freshPhone(own) });
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
  });
});
