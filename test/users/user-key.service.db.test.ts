import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningGateway } from '../../src/gateway.js';
import { loadConfig } from '../../src/config/config.js';
import { createPiiVault } from '../../src/privacy/pii-vault.js';
import { openPersonalData } from '../../src/users/personal-data.codec.js';
import { rewrapUserKeys } from '../../src/users/user-key.service.js';
import { startTestGateway } from '../support/gateway.js';
import { storedPerson } from '../support/persons.js';
import { bareTraveller } from '../support/users.js';

let gw: RunningGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(async () => {
  await gw.close();
});

class Rollback extends Error {}

describe('rewrapUserKeys: master key rotation', () => {
  it('re-wraps every data key under the new master key, after which the old one is not needed; sealed values are untouched', async () => {
    const user = await bareTraveller(gw);
    const before = await storedPerson(gw, user);
    const old = gw.services.cfg;
    const fresh = randomBytes(32).toString('base64');
    const rotated = loadConfig({ NODE_ENV: 'test', PII_KEYS: `k2:${fresh},${old.piiActiveKeyId}:${old.piiKeys.get(old.piiActiveKeyId)!.toString('base64')}` });
    const onlyNew = createPiiVault(loadConfig({ NODE_ENV: 'test', PII_KEYS: `k2:${fresh}` }));
    // Inside a transaction that is rolled back: the shared test database keeps its keys for the other suites.
    await expect(
      gw.services.orm.em.fork().transactional(async (tem) => {
        const read = () =>
          tem.execute<{ user_id: string; wrapped_key: string; pii_enc: string }[]>(`select k.user_id, k.wrapped_key, u.pii_enc
        from keyring.user_keys k join users u on u.id = k.user_id order by k.user_id`);
        const start = await read();
        expect(start.every((k) => k.wrapped_key.startsWith(`v1.${old.piiActiveKeyId}.`))).toBe(true);
        expect(() => openPersonalData(onlyNew, user, start.find((k) => k.user_id === user)!.wrapped_key, start.find((k) => k.user_id === user)!.pii_enc)).toThrow();

        expect(await rewrapUserKeys(tem, rotated)).toBe(start.length);
        const after = await read();
        expect(after.every((k) => k.wrapped_key.startsWith('v1.k2.'))).toBe(true);
        expect(after.map((k) => k.pii_enc)).toEqual(start.map((k) => k.pii_enc));
        const mine = after.find((k) => k.user_id === user)!;
        expect(openPersonalData(onlyNew, user, mine.wrapped_key, mine.pii_enc)).toMatchObject({ phone: before.phone, surname: before.surname });
        expect(await rewrapUserKeys(tem, rotated)).toBe(0);
        throw new Rollback();
      }),
    ).rejects.toThrow(Rollback);
    expect((await storedPerson(gw, user)).phone).toBe(before.phone);
  });
});
