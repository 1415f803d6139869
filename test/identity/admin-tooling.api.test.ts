import { randomInt, randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import type { AppServices } from '../../src/graphql/context.js';
import { STAFF_KINDS } from '../../src/config/config.js';
import type { RunningGateway } from '../../src/gateway.js';
import {
  CreateStaffAccountDocument,
  DisableStaffAccountDocument,
  RegisterApiClientDocument,
  RequestLoginCodeDocument,
  RevokeTokenDocument,
  RotateApiClientSecretDocument,
  VerifyLoginCodeDocument,
  type StaffRole,
} from '../generated/operations.js';
import { DEV_LOGIN_CODE, startTestGateway } from '../support/gateway.js';
import { gql, postRaw } from '../support/http.js';
import { startTestIssuer, type TestIssuer } from '../support/oidc-issuer.js';
import { insertPerson } from '../support/persons.js';
import { bearer } from '../support/tokens.js';

const GROUP: Record<StaffRole, string> = {
  SUPPORT: 'qaz-support',
  MODERATOR: 'qaz-moderation',
  ADMIN: 'qaz-admin',
  ANALYST: 'qaz-analytics',
  AUDITOR: 'qaz-audit',
  AUTHORITY: 'qaz-authority',
};
const OPERATOR = 'b0000000-0000-4000-8000-000000000003';
const PROVIDER = 'b0000000-0000-4000-8000-000000000009';

let gw: RunningGateway;
let idp: TestIssuer;
let admin: Record<string, string>;
let adminId: string;
let logged = '';

async function probe(token: string): Promise<{ status: number; code: unknown }> {
  const { status, body } = await postRaw(gw.url, JSON.stringify({ query: '{ __typename }' }), { authorization: `Bearer ${token}` });
  return { status, code: body.errors?.[0]?.extensions?.code };
}

const subject = () => `auth0|${randomUUID()}`;
const freshPhone = () => `+7702${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;

beforeAll(async () => {
  idp = await startTestIssuer('qaztracker-gateway');
  gw = await startTestGateway(idp.env);
  // The gateway's own log lines, collected in memory instead of stdout, to check what they name.
  (gw.services as { logger: AppServices['logger'] }).logger = pino(
    { level: 'info', base: undefined },
    new Writable({
      write(chunk, _enc, done) {
        logged += String(chunk);
        done();
      },
    }),
  );
  const sub = subject();
  adminId = await insertPerson(gw, { role: 'ADMIN' });
  await gw.services.sql.rows('t_tool_admin', 'update users set oidc_subject = $2 where id = $1', [adminId, sub]);
  admin = bearer(await idp.sign({ sub, groups: GROUP.ADMIN }));
});
afterAll(async () => {
  await gw.close();
  await idp.close();
});

describe('API client scopes come from the known list', () => {
  const register = (kind: 'PARTNER' | 'PAYMENT_PROVIDER', scopes: string[], name = `t ${randomUUID()}`) =>
    gql(
      gw.url,
      RegisterApiClientDocument,
      { name, partnerId: kind === 'PARTNER' ? OPERATOR : PROVIDER, kind, scopes, purpose: kind === 'PARTNER' ? 'TOUR_BOOKING' : 'PAYMENT' },
      admin,
    );

  it('refuses an unknown scope such as traveler:read, naming it and the known ones, and stores nothing', async () => {
    const name = `typo ${randomUUID()}`;
    const { body } = await register('PARTNER', ['bookings:read', 'traveler:read'], name);
    expect(body.data).toBeNull();
    expect(body.errors?.[0]).toMatchObject({
      message: 'Unknown scope for a PARTNER client: traveler:read; known: tours:read tours:write bookings:read travelers:read',
      extensions: { code: 'BAD_USER_INPUT', field: 'scopes' },
    });
    expect(await gw.services.sql.rows('t_tool_none', 'select 1 from api_clients where name = $1', [name])).toHaveLength(0);
  });

  it('refuses a known scope that belongs to the other kind of client, and an empty list', async () => {
    const provider = await register('PAYMENT_PROVIDER', ['payments:write', 'travelers:read']);
    expect(provider.body.errors?.[0].message).toBe('Unknown scope for a PAYMENT_PROVIDER client: travelers:read; known: bookings:read payments:write');
    const partner = await register('PARTNER', ['payments:write']);
    expect(partner.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'scopes' });
    expect((await register('PARTNER', [])).body.errors?.[0].message).toMatch(/^Give at least one scope/);
  });

  it('does not echo a value that is not shaped like a scope', async () => {
    const { body } = await register('PARTNER', ['+77011234567']);
    expect(body.errors?.[0].message).toBe('Unknown scope for a PARTNER client; known: tours:read tours:write bookings:read travelers:read');
  });

  it('accepts known scopes, and checks them again at rotation', async () => {
    const { body } = await register('PARTNER', ['bookings:read', 'travelers:read']);
    const clientId = body.data!.registerApiClient.client.clientId;
    const typo = await gql(gw.url, RotateApiClientSecretDocument, { clientId, scopes: ['travelers:read', 'traveler:read'] }, admin);
    expect(typo.body.errors?.[0]).toMatchObject({ message: expect.stringContaining('traveler:read'), extensions: { field: 'scopes' } });
    const kept = await gql(gw.url, RotateApiClientSecretDocument, { clientId }, admin);
    expect(kept.body.data!.rotateApiClientSecret.client.scopes).toEqual(['bookings:read', 'travelers:read']);
  });

  it('makes a client stored with an unknown scope take known ones at its next rotation', async () => {
    const clientId = `qzc_${randomUUID()}`;
    await gw.services.sql.rows(
      't_tool_legacy',
      `insert into api_clients (id, client_id, secret_hash, name, partner_id, kind, scopes, purpose)
      values (gen_random_uuid(), $1, 'unusable', 'legacy', $2, 'PARTNER', '{traveler:read,bookings:read}', 'TOUR_BOOKING')`,
      [clientId, OPERATOR],
    );
    const refused = await gql(gw.url, RotateApiClientSecretDocument, { clientId }, admin);
    expect(refused.body.errors?.[0]).toMatchObject({ message: expect.stringContaining('traveler:read'), extensions: { code: 'BAD_USER_INPUT', field: 'scopes' } });
    const fixed = await gql(gw.url, RotateApiClientSecretDocument, { clientId, scopes: ['travelers:read', 'bookings:read'] }, admin);
    expect(fixed.body.data!.rotateApiClientSecret.client.scopes).toEqual(['travelers:read', 'bookings:read']);
  });
});

describe('staff accounts of every role, by an ADMIN mutation', () => {
  it.each([...STAFF_KINDS])('creates a %s account that signs in through the OpenID issuer, and disables it', async (role) => {
    const sub = subject();
    const created = await gql(gw.url, CreateStaffAccountDocument, { role, oidcSubject: sub }, admin);
    expect(created.body.errors).toBeUndefined();
    const account = created.body.data!.createStaffAccount;
    expect(account).toMatchObject({ role, status: 'ACTIVE', openIdLinked: true });
    const token = await idp.sign({ sub, groups: GROUP[role] });
    expect(await probe(token)).toEqual({ status: 200, code: undefined });
    const disabled = await gql(gw.url, DisableStaffAccountDocument, { id: account.id }, admin);
    expect(disabled.body.data!.disableStaffAccount).toMatchObject({ id: account.id, role, status: 'BLOCKED' });
    expect(await probe(token)).toEqual({ status: 401, code: 'TOKEN_REVOKED' });
  });

  it('logs each action by account id and role, with neither phone nor OpenID subject', async () => {
    const sub = subject();
    const phone = freshPhone();
    const { body } = await gql(gw.url, CreateStaffAccountDocument, { role: 'SUPPORT', oidcSubject: sub, phone }, admin);
    const id = body.data!.createStaffAccount.id;
    await gql(gw.url, DisableStaffAccountDocument, { id }, admin);
    const lines = logged
      .split('\n')
      .filter((l) => l.includes(id))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.msg)).toEqual(['staff account created', 'staff account disabled']);
    for (const l of lines) expect(l).toMatchObject({ adminId, accountId: id, role: 'SUPPORT' });
    expect(logged).not.toContain(sub);
    expect(logged).not.toContain(phone.slice(2));
  });

  it('gives an account created with a phone SMS sign-in outside production, with its role', async () => {
    const phone = freshPhone();
    const { body } = await gql(gw.url, CreateStaffAccountDocument, { role: 'MODERATOR', phone }, admin);
    expect(body.data!.createStaffAccount).toMatchObject({ role: 'MODERATOR', openIdLinked: false });
    await gql(gw.url, RequestLoginCodeDocument, { phone });
    const r = (await gql(gw.url, VerifyLoginCodeDocument, { phone, code: DEV_LOGIN_CODE })).body.data!.verifyLoginCode;
    if (r.__typename !== 'LoginSucceeded') throw new Error('staff SMS login failed');
    expect(r.newAccount).toBe(false);
    const revoke = await gql(gw.url, RevokeTokenDocument, { jti: 'x' }, bearer(r.tokens.accessToken));
    expect(revoke.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_ADMIN' });
  });

  it.each([
    ['neither subject nor phone', {}, 'oidcSubject'],
    ['a subject with spaces', { oidcSubject: 'a b' }, 'oidcSubject'],
    ['a phone that is not a Kazakh mobile', { phone: '+4915112345678' }, 'phone'],
  ])('refuses %s', async (_name, args, field) => {
    const { body } = await gql(gw.url, CreateStaffAccountDocument, { role: 'SUPPORT', ...args }, admin);
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('never promotes an existing account, nor links one subject twice', async () => {
    const phone = freshPhone();
    const traveller = await insertPerson(gw, { phone });
    const taken = await gql(gw.url, CreateStaffAccountDocument, { role: 'ADMIN', phone }, admin);
    expect(taken.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'phone' });
    const [row] = await gw.services.sql.rows<{ role: string }>('t_tool_role', 'select role from users where id = $1', [traveller]);
    expect(row.role).toBe('TRAVELER');
    const sub = subject();
    expect((await gql(gw.url, CreateStaffAccountDocument, { role: 'SUPPORT', oidcSubject: sub }, admin)).body.errors).toBeUndefined();
    const twice = await gql(gw.url, CreateStaffAccountDocument, { role: 'ADMIN', oidcSubject: sub }, admin);
    expect(twice.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'oidcSubject' });
  });

  it('disables staff only: not travellers, not the calling administrator', async () => {
    const traveller = await insertPerson(gw, {});
    expect((await gql(gw.url, DisableStaffAccountDocument, { id: traveller }, admin)).body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const self = await gql(gw.url, DisableStaffAccountDocument, { id: adminId }, admin);
    expect(self.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OWN_ACCOUNT' });
  });

  it('is for administrators only', async () => {
    const sub = subject();
    const support = await insertPerson(gw, { role: 'SUPPORT' });
    await gw.services.sql.rows('t_tool_support', 'update users set oidc_subject = $2 where id = $1', [support, sub]);
    const asSupport = bearer(await idp.sign({ sub, groups: GROUP.SUPPORT }));
    const created = await gql(gw.url, CreateStaffAccountDocument, { role: 'ADMIN', oidcSubject: subject() }, asSupport);
    expect(created.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_ADMIN' });
    expect((await gql(gw.url, DisableStaffAccountDocument, { id: adminId })).body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
