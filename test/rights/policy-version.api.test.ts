import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningGateway } from '../../src/gateway.js';
import { DEMO_STAFF } from '../../seeds/staff.data.js';
import { AcceptPolicyVersionDocument, PendingPolicyAcceptanceDocument, PublishPolicyVersionDocument } from '../generated/operations.js';
import { startTestGateway } from '../support/gateway.js';
import { gql } from '../support/http.js';
import { bearer, tokenFor } from '../support/tokens.js';
import { freshTraveller } from './fresh-user.fixtures.js';

let gw: RunningGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(async () => {
  await gw.close();
});

const SHA = 'ab'.repeat(32);
// Other suites expect 2024-06 to stay in force, so these versions are published in the past (older) or the future.
const suffix = Math.random().toString(36).slice(2, 8);

describe('policy versions', () => {
  it('administrators publish; others may not; bad input and duplicates are refused', async () => {
    const admin = bearer(await tokenFor(gw, 'ADMIN', { sub: DEMO_STAFF.admin.id }));
    const vars = { version: `2019-01-${suffix}`, publishedAt: '2019-01-01T00:00:00.000Z', textSha256: SHA.toUpperCase() };
    const ok = await gql(gw.url, PublishPolicyVersionDocument, vars, admin);
    expect(ok.body.data!.publishPolicyVersion).toEqual({ version: vars.version, publishedAt: '2019-01-01T00:00:00.000Z', textSha256: SHA });
    const again = await gql(gw.url, PublishPolicyVersionDocument, vars, admin);
    expect(again.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'version' });
    const badSha = await gql(gw.url, PublishPolicyVersionDocument, { ...vars, version: `x-${suffix}`, textSha256: 'abc' }, admin);
    expect(badSha.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'textSha256' });
    const support = bearer(await tokenFor(gw, 'SUPPORT', { sub: DEMO_STAFF.support.id }));
    const denied = await gql(gw.url, PublishPolicyVersionDocument, { ...vars, version: `y-${suffix}` }, support);
    expect(denied.body.errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it('a user who has not accepted the version in force is asked to; accepting records POLICY_ACCEPTED once', async () => {
    const admin = bearer(await tokenFor(gw, 'ADMIN', { sub: DEMO_STAFF.admin.id }));
    await gql(gw.url, PublishPolicyVersionDocument, { version: `2099-01-${suffix}`, publishedAt: '2099-01-01T00:00:00.000Z', textSha256: SHA }, admin);
    const u = await freshTraveller(gw);
    const headers = bearer(await tokenFor(gw, 'USER', { sub: u.id }));
    const before = await gql(gw.url, PendingPolicyAcceptanceDocument, undefined, headers);
    expect(before.body.data).toMatchObject({ pendingPolicyAcceptance: { version: '2024-06' }, currentPolicyVersion: { version: '2024-06' } });

    const stale = await gql(gw.url, AcceptPolicyVersionDocument, { version: `2019-01-${suffix}` }, headers);
    expect(stale.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'version' });
    const future = await gql(gw.url, AcceptPolicyVersionDocument, { version: `2099-01-${suffix}` }, headers);
    expect(future.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');

    const accepted = await gql(gw.url, AcceptPolicyVersionDocument, { version: '2024-06' }, headers);
    expect(accepted.body.data!.acceptPolicyVersion.version).toBe('2024-06');
    const twice = await gql(gw.url, AcceptPolicyVersionDocument, { version: '2024-06' }, headers);
    expect(twice.body.data!.acceptPolicyVersion).toEqual(accepted.body.data!.acceptPolicyVersion);

    const rows = await gw.services.sql.rows<{ purpose: string | null; version: string }>(
      't_policy_events',
      `select e.purpose, v.version from consent_events e
      join policy_versions v on v.id = e.policy_version_id where e.user_id = $1 and e.action = 'POLICY_ACCEPTED'`,
      [u.id],
    );
    expect(rows).toEqual([{ purpose: null, version: '2024-06' }]);
    const after = await gql(gw.url, PendingPolicyAcceptanceDocument, undefined, headers);
    expect(after.body.data!.pendingPolicyAcceptance).toBeNull();
  });

  it('the version in force is readable by anyone; acceptance is for travellers only', async () => {
    const anon = await gql(gw.url, PendingPolicyAcceptanceDocument, undefined);
    expect(anon.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const staff = await gql(gw.url, AcceptPolicyVersionDocument, { version: '2024-06' }, bearer(await tokenFor(gw, 'MODERATOR', { sub: DEMO_STAFF.moderator.id })));
    expect(staff.body.errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});
