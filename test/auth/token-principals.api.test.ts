import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SignJWT, type JWTPayload } from 'jose';
import { loadOrCreateKeyRing, type KeyRing } from '../../src/oauth/signing-keys.js';
import type { RunningGateway } from '../../src/gateway.js';
import { DEMO_CLIENTS } from '../../seeds/partners.data.js';
import { clientHeaders, insertTour, OPERATORS, PROVIDERS, setBookingConsent, travellers, userHeaders } from '../bookings/booking.fixtures.js';
import { CreateBookingDocument, PartnerBookingsDocument, RevokeTokenDocument } from '../generated/operations.js';
import { rawPerson, type RawPerson } from '../privacy/exposure.fixtures.js';
import { startTestGateway, changeStanding } from '../support/gateway.js';
import { gql } from '../support/http.js';
import { insertPerson } from '../support/persons.js';
import { startTestIssuer, type TestIssuer } from '../support/oidc-issuer.js';
import { bearer } from '../support/tokens.js';

// Partner 8 sees all of Kazakhstan; its registered client is demo-operator-08.
const P8 = OPERATORS[7];
const P8_CLIENT = DEMO_CLIENTS.find((c) => c.partnerId === P8)!;
const ATTACK_SCOPE = 'bookings:read travelers:read';

let gw: RunningGateway;
let idp: TestIssuer;
let ring: KeyRing;
let traveller: string;
let raw: RawPerson;

beforeAll(async () => {
  idp = await startTestIssuer('qaztracker-gateway');
  gw = await startTestGateway(idp.env);
  ring = await loadOrCreateKeyRing(gw.services.cfg.jwt.keysDir);
  // A booking of partner 8's own tour by a traveller who consented: the one edge where the partner sees everything.
  [traveller] = await travellers(gw.services.sql, 1, 40);
  await setBookingConsent(gw.services.sql, [traveller], true);
  const tourId = await insertTour(gw.services.sql, { partnerId: P8, capacity: 5 });
  const { body } = await gql(gw.url, CreateBookingDocument, { tourId, seats: 1, key: randomUUID() }, await userHeaders(gw, traveller));
  if (body.data?.createBooking.__typename !== 'BookingCreated') throw new Error('booking failed');
  raw = await rawPerson(gw, traveller);
});
afterAll(async () => {
  await gw.close();
  await idp.close();
});

/** Signed with the gateway's own active key, like /oauth/token would. */
function gatewaySigned(claims: JWTPayload): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const { kid, key } = ring.signingKey();
  return new SignJWT({ iss: gw.services.cfg.jwt.issuer, aud: gw.services.cfg.jwt.audience, iat: now, nbf: now, exp: now + 300, jti: randomUUID(), ...claims })
    .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid })
    .sign(key);
}

const p8Claims = (extra: JWTPayload = {}): JWTPayload => ({
  sub: P8_CLIENT.clientId,
  client_id: P8_CLIENT.clientId,
  kind: 'PARTNER',
  partner_id: P8,
  scope: ATTACK_SCOPE,
  ...extra,
});

/** What the caller gets of the traveller's IIN, passport and phone through partnerBookings. */
async function partnerRead(headers: Record<string, string>) {
  const res = await gql(gw.url, PartnerBookingsDocument, { first: 100 }, headers);
  const mine = res.body.data?.partnerBookings.nodes.find((n) => n.traveller.id === traveller)?.traveller;
  return { status: res.status, code: res.body.errors?.[0]?.extensions?.code, data: res.body.data ?? null, mine };
}

describe('a partner is a registered, enabled client of that partner, whoever signs the token', () => {
  it('the registered client reads its own traveller in full (the control)', async () => {
    const { status, mine } = await partnerRead(bearer(await gatewaySigned(p8Claims())));
    expect(status).toBe(200);
    expect(mine).toMatchObject({ iin: raw.iin, passportNumber: raw.passportNumber, phone: raw.phone });
  });

  it('takes the partner from the client row: a token without partner_id still reads as partner 8', async () => {
    const { status, mine } = await partnerRead(bearer(await gatewaySigned(p8Claims({ partner_id: undefined }))));
    expect(status).toBe(200);
    expect(mine?.iin).toBe(raw.iin);
  });

  it('refuses a PARTNER token from the external staff issuer (client_id staff-portal)', async () => {
    const token = await idp.sign({ sub: 'staff-portal', kind: 'PARTNER', partner_id: P8, scope: ATTACK_SCOPE, client_id: 'staff-portal' });
    expect(await partnerRead(bearer(token))).toMatchObject({ status: 401, code: 'TOKEN_CLAIMS', data: null });
    // Naming the real client, or carrying a staff role beside the partner claims, changes nothing.
    const named = await idp.sign({ sub: P8_CLIENT.clientId, kind: 'PARTNER', partner_id: P8, scope: ATTACK_SCOPE, client_id: P8_CLIENT.clientId });
    expect(await partnerRead(bearer(named))).toMatchObject({ status: 401, data: null });
    const withRole = await idp.sign({ sub: 'staff-portal', kind: 'PARTNER', partner_id: P8, scope: ATTACK_SCOPE, groups: ['qaz-support'] });
    expect(await partnerRead(bearer(withRole))).toMatchObject({ status: 401, code: 'TOKEN_CLAIMS', data: null });
  });

  it('refuses a gateway-signed PARTNER token of an unregistered client id', async () => {
    const clientId = `qzc_${randomUUID()}`;
    expect(await partnerRead(bearer(await gatewaySigned(p8Claims({ sub: clientId, client_id: clientId }))))).toMatchObject({ status: 401, code: 'TOKEN_CLIENT', data: null });
  });

  it.each([
    ["another partner id than the client's", { partner_id: OPERATORS[0] }],
    ['a scope the client is not registered for', { scope: `${ATTACK_SCOPE} payments:write` }],
    ['the payment-provider kind for a partner client', { kind: 'PAYMENT_PROVIDER' }],
    ['a subject other than the client', { sub: randomUUID() }],
  ])('refuses a token of the registered client with %s', async (_name, extra) => {
    expect(await partnerRead(bearer(await gatewaySigned(p8Claims(extra as JWTPayload))))).toMatchObject({ status: 401, code: 'TOKEN_CLIENT', data: null });
  });

  it("refuses a payment provider's token naming a partner client, and a disabled client's tokens", async () => {
    const provider = DEMO_CLIENTS.find((c) => c.partnerId === PROVIDERS[0])!;
    const asProvider = await gatewaySigned({ sub: provider.clientId, client_id: provider.clientId, kind: 'PAYMENT_PROVIDER', partner_id: P8, scope: 'bookings:read' });
    expect(await partnerRead(bearer(asProvider))).toMatchObject({ status: 401, code: 'TOKEN_CLIENT' });
    const [c] = await gw.services.sql.rows<{ clientId: string }>(
      't_tp_client',
      `insert into api_clients (id, client_id, secret_hash, name, partner_id, kind, scopes, purpose)
      values (gen_random_uuid(), $1, 'unusable', 'test', $2, 'PARTNER', '{bookings:read,travelers:read}', 'TOUR_BOOKING') returning client_id as "clientId"`,
      [`qzc_${randomUUID()}`, P8],
    );
    const token = await gatewaySigned(p8Claims({ sub: c.clientId, client_id: c.clientId }));
    expect((await partnerRead(bearer(token))).mine?.iin).toBe(raw.iin);
    await changeStanding(gw, 't_tp_disable', 'update api_clients set disabled_at = now() where client_id = $1', [c.clientId]);
    expect(await partnerRead(bearer(token))).toMatchObject({ status: 401, code: 'TOKEN_REVOKED', data: null });
  });

  it('refuses an aud that is not a string or an array of strings', async () => {
    const token = await gatewaySigned(p8Claims({ aud: [{}, gw.services.cfg.jwt.audience] as unknown as string[] }));
    expect(await partnerRead(bearer(token))).toMatchObject({ status: 401, code: 'TOKEN_AUDIENCE', data: null });
  });

  it('still serves the seeded client through the test helper', async () => {
    expect((await partnerRead(await clientHeaders(gw, 'PARTNER', P8))).mine?.iin).toBe(raw.iin);
  });
});

describe('the external OpenID issuer names staff accounts only, through the configured role map', () => {
  const revoke = (token: string) => gql(gw.url, RevokeTokenDocument, { jti: randomUUID() }, bearer(token));

  async function staffAccount(role: string, subject: string, status = 'ACTIVE'): Promise<string> {
    const id = await insertPerson(gw, { role, status });
    await gw.services.sql.rows('t_tp_link', 'update users set oidc_subject = $2 where id = $1', [id, subject]);
    return id;
  }

  it('signs in a linked ADMIN account whose role claim maps to ADMIN', async () => {
    const subject = `idp|${randomUUID()}`;
    await staffAccount('ADMIN', subject);
    const res = await revoke(await idp.sign({ sub: subject, groups: ['employees', 'qaz-admin'] }));
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.revokeToken).toBe(true);
  });

  it('a SUPPORT mapping stays SUPPORT: not an admin, not a partner', async () => {
    const subject = `idp|${randomUUID()}`;
    await staffAccount('SUPPORT', subject);
    const token = await idp.sign({ sub: subject, groups: 'qaz-support', scope: ATTACK_SCOPE });
    expect((await revoke(token)).body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_ADMIN' });
    expect(await partnerRead(bearer(token))).toMatchObject({ status: 200, data: null, mine: undefined });
  });

  it.each([
    ['a subject linked to no account', 'none', 'qaz-admin', 'TOKEN_REVOKED'],
    ['a role that maps to another kind than the account has', 'SUPPORT', 'qaz-admin', 'TOKEN_REVOKED'],
    ['a blocked account', 'ADMIN:BLOCKED', 'qaz-admin', 'TOKEN_REVOKED'],
    ['no mapped role', 'ADMIN', 'admins', 'TOKEN_ROLE'],
    ['roles mapping to two kinds', 'ADMIN', ['qaz-admin', 'qaz-support'], 'TOKEN_ROLE'],
  ])('refuses %s', async (_name, account, groups, code) => {
    const subject = `idp|${randomUUID()}`;
    if (account !== 'none') {
      const [role, status] = account.split(':');
      await staffAccount(role, subject, status);
    }
    const res = await revoke(await idp.sign({ sub: subject, groups }));
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0].extensions?.code).toBe(code);
  });

  it('never names a traveller: the database refuses an external subject on a traveller account', async () => {
    const id = await insertPerson(gw, {});
    await expect(gw.services.sql.rows('t_tp_link_traveller', 'update users set oidc_subject = $2 where id = $1', [id, `idp|${randomUUID()}`])).rejects.toThrow(
      /users_oidc_subject_staff_check/,
    );
  });

  it('an issuer token whose subject is a staff account id is not matched by id', async () => {
    const id = await insertPerson(gw, { role: 'ADMIN' });
    const res = await revoke(await idp.sign({ sub: id, groups: 'qaz-admin' }));
    expect(res.body.errors?.[0].extensions?.code).toBe('TOKEN_REVOKED');
  });
});
