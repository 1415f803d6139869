import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { RunningGateway } from '../../src/gateway.js';
import { RequestLoginCodeDocument, VerifyLoginCodeDocument } from '../generated/operations.js';
import { cli } from '../support/cli.js';
import { DEV_LOGIN_CODE, startTestGateway } from '../support/gateway.js';
import { gql, postRaw } from '../support/http.js';
import { freshProductionKeys } from '../support/production-keys.js';
import { PRODUCTION_SMS } from '../support/production-sms.js';

const OPERATOR = 'b0000000-0000-4000-8000-000000000003';
let db: pg.Client;
let gw: RunningGateway;

beforeAll(async () => {
  db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  gw = await startTestGateway();
});
afterAll(async () => {
  await db.end();
  await gw.close();
});

/** The account's SMS sign-in (outside production), and what a request with the token gets. */
async function signIn(phone: string): Promise<string> {
  await gql(gw.url, RequestLoginCodeDocument, { phone });
  const r = (await gql(gw.url, VerifyLoginCodeDocument, { phone, code: DEV_LOGIN_CODE })).body.data!.verifyLoginCode;
  if (r.__typename !== 'LoginSucceeded') throw new Error('staff SMS login failed');
  return r.tokens.accessToken;
}
const probe = async (token: string) => (await postRaw(gw.url, JSON.stringify({ query: '{ __typename }' }), { authorization: `Bearer ${token}` })).status;

describe('staff-account CLI', () => {
  it('creates an account of a staff role and disables it, logging ids and roles only', async () => {
    const sub = `auth0|${randomUUID()}`;
    const phone = `+7705${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;
    const created = await cli('staff-account', ['create', '--role', 'AUDITOR', '--oidc-subject', sub, '--phone', phone]);
    expect(created.code).toBe(0);
    const id = /AUDITOR account ([0-9a-f-]{36}) created/.exec(created.stdout)?.[1];
    expect(id).toBeDefined();
    const {
      rows: [row],
    } = await db.query('select role, status, oidc_subject from users where id = $1', [id]);
    expect(row).toEqual({ role: 'AUDITOR', status: 'ACTIVE', oidc_subject: sub });
    const token = await signIn(phone);
    expect(await probe(token)).toBe(200);
    const disabled = await cli('staff-account', ['disable', '--id', id!]);
    expect(disabled).toMatchObject({ code: 0, stdout: expect.stringContaining(`AUDITOR account ${id} is BLOCKED`) });
    expect((await db.query('select status from users where id = $1', [id])).rows[0].status).toBe('BLOCKED');
    expect(await probe(token)).toBe(401);
    const logs = `${created.stdout}${created.stderr}${disabled.stdout}${disabled.stderr}`;
    for (const msg of ['staff account created', 'staff account disabled']) {
      const line = logs.split('\n').find((l) => l.includes(`"msg":"${msg}"`));
      expect(JSON.parse(line!)).toMatchObject({ accountId: id, role: 'AUDITOR', by: 'cli' });
    }
    expect(logs).not.toContain(sub);
    expect(logs).not.toContain(phone.slice(2));
  });

  it("refuses a role that is not staff, and a traveller's id", async () => {
    expect((await cli('staff-account', ['create', '--role', 'PARTNER', '--oidc-subject', 'x'])).code).toBe(2);
    const {
      rows: [t],
    } = await db.query(`select id from users where role = 'TRAVELER' limit 1`);
    expect(await cli('staff-account', ['disable', '--id', t.id])).toMatchObject({ code: 1, stderr: expect.stringContaining('Staff account not found') });
  });

  it('in production demands the OpenID subject', async () => {
    const prod = { NODE_ENV: 'production', ...freshProductionKeys(), ...PRODUCTION_SMS };
    const phoneOnly = await cli('staff-account', ['create', '--role', 'SUPPORT', '--phone', '+77051234567'], prod);
    expect(phoneOnly).toMatchObject({ code: 1, stderr: expect.stringContaining('In production staff sign in only through the OpenID issuer') });
  });
});

describe('create-client CLI', () => {
  it('refuses an unknown scope such as traveler:read and stores nothing', async () => {
    const name = `cli typo ${randomUUID()}`;
    const r = await cli('create-client', ['--partner', OPERATOR, '--name', name, '--kind', 'PARTNER', '--scope', 'bookings:read traveler:read']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Unknown scope for a PARTNER client: traveler:read; known: tours:read tours:write bookings:read travelers:read');
    expect((await db.query('select 1 from api_clients where name = $1', [name])).rows).toHaveLength(0);
  });

  it('registers known scopes', async () => {
    const r = await cli('create-client', ['--partner', OPERATOR, '--name', `cli ${randomUUID()}`, '--kind', 'PARTNER', '--scope', 'bookings:read travelers:read']);
    expect(r.code).toBe(0);
    const clientId = /client_id=(\S+)/.exec(r.stdout)?.[1];
    expect((await db.query('select scopes from api_clients where client_id = $1', [clientId])).rows[0].scopes).toEqual(['bookings:read', 'travelers:read']);
  });
});
