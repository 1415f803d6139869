import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { refreshTokenHash } from '../../src/identity/auth-hmac.js';
import type { RunningGateway } from '../../src/gateway.js';
import { RefreshSessionDocument, RequestLoginCodeDocument, VerifyLoginCodeDocument } from '../generated/operations.js';
import { startProductionGateway } from '../support/gateway.js';
import { gql, postRaw } from '../support/http.js';
import { insertPerson } from '../support/persons.js';
import { tokenFor } from '../support/tokens.js';

let gw: RunningGateway;
const sent = new Map<string, string>();

beforeAll(async () => {
  gw = await startProductionGateway();
  // Production has no development code: the tests read the code the gateway hands its SMS sender.
  gw.services.sms = {
    async sendLoginCode(phone, code) {
      sent.set(phone, code);
    },
  };
});
afterAll(async () => {
  await gw.close();
});

const freshPhone = () => `+7778${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;

async function smsLogin(phone: string) {
  await gql(gw.url, RequestLoginCodeDocument, { phone });
  const code = sent.get(phone)!;
  return { code, result: (await gql(gw.url, VerifyLoginCodeDocument, { phone, code })).body.data!.verifyLoginCode };
}

async function probe(token: string): Promise<{ status: number; code: unknown }> {
  const { status, body } = await postRaw(gw.url, JSON.stringify({ query: '{ __typename }' }), { authorization: `Bearer ${token}` });
  return { status, code: body.errors?.[0]?.extensions?.code };
}

describe('in production staff never sign in by SMS code', () => {
  it.each(['SUPPORT', 'ADMIN', 'AUTHORITY'])('a %s account with the right code gets STAFF_SIGN_IN_BY_OPENID and no session', async (role) => {
    const phone = freshPhone();
    const id = await insertPerson(gw, { role, phone });
    const { code, result } = await smsLogin(phone);
    expect(result).toEqual({ __typename: 'LoginFailed', reason: 'STAFF_SIGN_IN_BY_OPENID', attemptsLeft: 0 });
    // The code is spent and no session was opened.
    expect((await gql(gw.url, VerifyLoginCodeDocument, { phone, code })).body.data!.verifyLoginCode).toMatchObject({ reason: 'CODE_EXPIRED' });
    const sessions = await gw.services.sql.rows('t_staff_sessions', 'select 1 from sessions where user_id = $1', [id]);
    expect(sessions).toHaveLength(0);
  });

  it('travellers still sign in by SMS code, and their tokens work', async () => {
    const { result } = await smsLogin(freshPhone());
    if (result.__typename !== 'LoginSucceeded') throw new Error(`expected LoginSucceeded, got ${JSON.stringify(result)}`);
    expect(await probe(result.tokens.accessToken)).toEqual({ status: 200, code: undefined });
  });

  it('a staff SMS session from before ends at its next refresh', async () => {
    const id = await insertPerson(gw, { role: 'MODERATOR', phone: freshPhone() });
    const refreshToken = randomBytes(32).toString('base64url');
    const [s] = await gw.services.sql.rows<{ id: string }>(
      't_staff_old_session',
      `insert into sessions (id, user_id, refresh_hash, expires_at, created_at)
      values ($1, $2, $3, now() + interval '1 day', now()) returning id`,
      [randomUUID(), id, refreshTokenHash(gw.services.cfg, refreshToken)],
    );
    const { body } = await gql(gw.url, RefreshSessionDocument, { refreshToken });
    expect(body.data!.refreshSession).toEqual({ __typename: 'RefreshFailed', reason: 'STAFF_SIGN_IN_BY_OPENID' });
    const [row] = await gw.services.sql.rows<{ revoked: boolean }>('t_staff_session_revoked', 'select revoked_at is not null as revoked from sessions where id = $1', [s.id]);
    expect(row.revoked).toBe(true);
  });

  it("refuses staff access tokens signed by the gateway itself (TOKEN_ISSUER), not travellers'", async () => {
    const admin = await insertPerson(gw, { role: 'ADMIN' });
    expect(await probe(await tokenFor(gw, 'ADMIN', { sub: admin }))).toEqual({ status: 401, code: 'TOKEN_ISSUER' });
    const traveller = await insertPerson(gw, {});
    expect(await probe(await tokenFor(gw, 'USER', { sub: traveller }))).toEqual({ status: 200, code: undefined });
  });
});
