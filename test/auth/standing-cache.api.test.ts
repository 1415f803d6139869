import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { decodeJwt } from 'jose';
import { parse, type OperationDefinitionNode } from 'graphql';
import { changesOwnStanding } from '../../src/access/standing-writes.js';
import { StandingCache } from '../../src/auth/standing-cache.service.js';
import { ACCESS_RULES, RESOLVERS } from '../../src/app/modules.js';
import { buildGatewaySchema } from '../../src/graphql/gateway-schema.js';
import { issueAccessToken } from '../../src/oauth/access-token.js';
import { loadOrCreateKeyRing } from '../../src/oauth/signing-keys.js';
import type { RunningGateway } from '../../src/gateway.js';
import { DEMO_STAFF } from '../../seeds/staff.data.js';
import { OPERATORS } from '../bookings/booking.fixtures.js';
import { waitFor } from '../support/faults.js';
import { nextStandingChange, startTestGateway } from '../support/gateway.js';
import { postQuery, sqlStatementsTotal } from '../support/http.js';
import { bearer, tokenFor } from '../support/tokens.js';
import { asUser, bareTraveller } from '../support/users.js';

const TOURS = 'query { tours(first: 1) { nodes { id } } }';
const REVOKE = 'mutation Revoke($jti: String!) { revokeToken(jti: $jti) }';
const GRANT = 'mutation { grantConsent(purpose: COMMUNICATION) { __typename } }';
const DELETE_ACCOUNT = 'mutation { deleteMyAccount { __typename } }';

let a: RunningGateway;
let b: RunningGateway;
let admin: Record<string, string>;

beforeAll(async () => {
  [a, b] = await Promise.all([startTestGateway(), startTestGateway()]);
  admin = bearer(await tokenFor(a, 'ADMIN', { sub: DEMO_STAFF.admin.id }));
  await Promise.all([a, b].map((gw) => waitFor('the change feed listening', async () => gw.standingChanges.live)));
});
afterAll(async () => {
  await Promise.all([a.close(), b.close()]);
});

const partner = async () => {
  const t = await tokenFor(a, 'PARTNER', { partnerId: OPERATORS[7] });
  return { headers: bearer(t), jti: decodeJwt(t).jti as string };
};
const read = async (gw: RunningGateway, headers: Record<string, string>) => {
  const res = await postQuery(gw.url, TOURS, undefined, headers);
  return { status: res.status, code: res.body.errors?.[0]?.extensions?.code };
};

async function statementsOf(gw: RunningGateway, headers: Record<string, string>): Promise<number> {
  const before = await sqlStatementsTotal(gw.url);
  expect((await read(gw, headers)).status).toBe(200);
  return (await sqlStatementsTotal(gw.url)) - before;
}

describe("a token's standing kept between requests", () => {
  it('costs a statement on the first request of a token only', async () => {
    const { headers } = await partner();
    const first = await statementsOf(b, headers);
    expect(await statementsOf(b, headers)).toBe(first - 1);
    expect(await statementsOf(b, headers)).toBe(first - 1);
  });

  it("a traveller's write forgets no standing unless the mutation may change its own", async () => {
    const { headers } = await partner();
    const traveller = await asUser(a, await bareTraveller(a));
    const [partnerFirst, travellerFirst] = [await statementsOf(a, headers), await statementsOf(a, traveller)];
    expect((await postQuery(a.url, GRANT, undefined, traveller)).body.errors).toBeUndefined();
    expect(await statementsOf(a, headers)).toBe(partnerFirst - 1);
    expect(await statementsOf(a, traveller)).toBe(travellerFirst - 1);
    expect((await postQuery(a.url, DELETE_ACCOUNT, undefined, traveller)).body.errors).toBeUndefined();
    expect(await read(a, traveller)).toEqual({ status: 401, code: 'TOKEN_REVOKED' });
  });

  it("the mutations marked as changing their caller's standing are the session and account ones; a root fragment counts as one", async () => {
    const operation = (text: string) => parse(text).definitions[0] as OperationDefinitionNode;
    const schema = await buildGatewaySchema({ resolvers: RESOLVERS, rules: ACCESS_RULES });
    expect(changesOwnStanding(schema, operation('mutation { logout }'))).toBe(true);
    expect(changesOwnStanding(schema, operation('mutation { x: grantConsent(purpose: ANALYTICS) { __typename } deleteMyAccount { __typename } }'))).toBe(true);
    expect(changesOwnStanding(schema, operation(GRANT))).toBe(false);
    expect(changesOwnStanding(schema, operation('mutation { ... on Mutation { grantConsent(purpose: ANALYTICS) { __typename } } }'))).toBe(true);
  });

  it("forgets one subject's standings without the others'", async () => {
    const kept = new StandingCache<number>(a.standingChanges, 10);
    let loads = 0;
    const load = async () => ++loads;
    await kept.get('t1', 'traveller', load);
    await kept.get('t2', 'partner', load);
    kept.forgetSubject('traveller');
    expect([await kept.get('t1', 'traveller', load), await kept.get('t2', 'partner', load), loads]).toEqual([3, 2, 3]);
  });

  it('a token revoked through one instance is refused by the other once the database has told it', async () => {
    const { headers, jti } = await partner();
    expect((await read(b, headers)).status).toBe(200);
    const told = nextStandingChange(b);
    expect((await postQuery(a.url, REVOKE, { jti }, admin)).body.data).toEqual({ revokeToken: true });
    await told;
    expect(await read(b, headers)).toEqual({ status: 401, code: 'TOKEN_REVOKED' });
  });

  it('a token revoked through the instance it calls is refused on its very next request', async () => {
    const { headers, jti } = await partner();
    expect((await read(a, headers)).status).toBe(200);
    expect((await postQuery(a.url, REVOKE, { jti }, admin)).body.data).toEqual({ revokeToken: true });
    expect(await read(a, headers)).toEqual({ status: 401, code: 'TOKEN_REVOKED' });
  });

  it('forgets what it kept when it loses the notifications, so a change made meanwhile counts', async () => {
    const { headers, jti } = await partner();
    expect((await read(b, headers)).status).toBe(200);
    await b.services.sql.rows(
      't_standing_cut',
      "select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'qaztracker-gateway-changes' and datname = current_database()",
    );
    await waitFor('the change feed lost', async () => !b.standingChanges.live);
    // Written while the instance is not listening: its notification is lost to it.
    await b.services.sql.rows('t_standing_revoke', "insert into revoked_tokens (jti, expires_at) values ($1, now() + interval '1 hour')", [jti]);
    await waitFor('the change feed back', async () => b.standingChanges.live);
    expect(await read(b, headers)).toEqual({ status: 401, code: 'TOKEN_REVOKED' });
  });

  it("a client disabled behind the gateways' back is refused once the database has told them", async () => {
    const [client] = await a.services.sql.rows<{ client_id: string }>(
      't_standing_client',
      `insert into api_clients (id, client_id, secret_hash, name, partner_id, kind, scopes, purpose)
      values (gen_random_uuid(), 'qzc_standing_' || gen_random_uuid(), 'unusable', 'test', $1, 'PARTNER', '{bookings:read}', 'TOUR_BOOKING') returning client_id`,
      [OPERATORS[7]],
    );
    const token = await issueAccessToken(
      await loadOrCreateKeyRing(a.services.cfg.jwt.keysDir),
      a.services.cfg,
      { sub: client.client_id, kind: 'PARTNER', clientId: client.client_id, partnerId: OPERATORS[7], scope: ['bookings:read'] },
      300,
    );
    expect((await read(b, bearer(token))).status).toBe(200);
    const told = nextStandingChange(b);
    await a.services.sql.rows('t_standing_disable', 'update api_clients set disabled_at = now() where client_id = $1', [client.client_id]);
    await told;
    expect(await read(b, bearer(token))).toEqual({ status: 401, code: 'TOKEN_REVOKED' });
  });
});
