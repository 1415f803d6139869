import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AcceptPolicyVersionDocument, PendingPolicyAcceptanceDocument, PublishPolicyVersionDocument } from '../generated/operations.js';
import { openApp, type InProcessApp } from '../support/in-process.js';
import { anonymous, staff, traveller } from '../support/principals.js';
import { freshTraveller } from './fresh-user.fixtures.js';

let app: InProcessApp;
beforeAll(async () => {
  app = await openApp();
});
afterAll(async () => {
  await app.close();
});

const SHA = 'ab'.repeat(32);
// Other suites expect 2024-06 to stay in force, so these versions are published in the past (older) or the future.
const suffix = Math.random().toString(36).slice(2, 8);

describe('policy versions', () => {
  it('administrators publish; others may not; bad input and duplicates are refused', async () => {
    const admin = await staff(app, 'admin');
    const vars = { version: `2019-01-${suffix}`, publishedAt: '2019-01-01T00:00:00.000Z', textSha256: SHA.toUpperCase() };
    const ok = await app.run(admin, PublishPolicyVersionDocument, vars);
    expect(ok.body.data!.publishPolicyVersion).toEqual({ version: vars.version, publishedAt: '2019-01-01T00:00:00.000Z', textSha256: SHA });
    const again = await app.run(admin, PublishPolicyVersionDocument, vars);
    expect(again.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'version' });
    const badSha = await app.run(admin, PublishPolicyVersionDocument, { ...vars, version: `x-${suffix}`, textSha256: 'abc' });
    expect(badSha.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'textSha256' });
    const support = await staff(app, 'support');
    const denied = await app.run(support, PublishPolicyVersionDocument, { ...vars, version: `y-${suffix}` });
    expect(denied.body.errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it('a user who has not accepted the version in force is asked to; accepting records POLICY_ACCEPTED once', async () => {
    const admin = await staff(app, 'admin');
    await app.run(admin, PublishPolicyVersionDocument, { version: `2099-01-${suffix}`, publishedAt: '2099-01-01T00:00:00.000Z', textSha256: SHA });
    const u = await freshTraveller(app);
    const me = await traveller(app, u.id);
    const before = await app.run(me, PendingPolicyAcceptanceDocument);
    expect(before.body.data).toMatchObject({ pendingPolicyAcceptance: { version: '2024-06' }, currentPolicyVersion: { version: '2024-06' } });

    const stale = await app.run(me, AcceptPolicyVersionDocument, { version: `2019-01-${suffix}` });
    expect(stale.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'version' });
    const future = await app.run(me, AcceptPolicyVersionDocument, { version: `2099-01-${suffix}` });
    expect(future.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');

    const accepted = await app.run(me, AcceptPolicyVersionDocument, { version: '2024-06' });
    expect(accepted.body.data!.acceptPolicyVersion.version).toBe('2024-06');
    const twice = await app.run(me, AcceptPolicyVersionDocument, { version: '2024-06' });
    expect(twice.body.data!.acceptPolicyVersion).toEqual(accepted.body.data!.acceptPolicyVersion);

    const rows = await app.services.sql.rows<{ purpose: string | null; version: string }>(
      't_policy_events',
      `select e.purpose, v.version from consent_events e
      join policy_versions v on v.id = e.policy_version_id where e.user_id = $1 and e.action = 'POLICY_ACCEPTED'`,
      [u.id],
    );
    expect(rows).toEqual([{ purpose: null, version: '2024-06' }]);
    const after = await app.run(me, PendingPolicyAcceptanceDocument);
    expect(after.body.data!.pendingPolicyAcceptance).toBeNull();
  });

  it('the version in force is readable by anyone; acceptance is for travellers only', async () => {
    const anon = await app.run(anonymous, PendingPolicyAcceptanceDocument);
    expect(anon.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const moderator = await app.run(await staff(app, 'moderator'), AcceptPolicyVersionDocument, { version: '2024-06' });
    expect(moderator.body.errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});
