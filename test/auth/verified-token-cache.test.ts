import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/config.js';
import { CLOCK_TOLERANCE_SECONDS, createLocalVerifier, issueAccessToken, type AccessTokenVerifier } from '../../src/oauth/access-token.js';
import { loadOrCreateKeyRing, type KeyRing } from '../../src/oauth/signing-keys.js';
import { keepVerifiedTokens } from '../../src/auth/verified-token-cache.service.js';

const cfg = loadConfig({ NODE_ENV: 'test' });
const claims = { sub: 'user-1', kind: 'USER' as const, clientId: 'mobile-app' };

let root: string;
let ring: KeyRing;
let clock: number;
let verifications: number;
let verify: AccessTokenVerifier;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'qaz-vt-'));
  ring = await loadOrCreateKeyRing(join(root, 'keys'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function fresh(): void {
  clock = Date.now() / 1000;
  verifications = 0;
  const real = createLocalVerifier(ring, cfg);
  verify = keepVerifiedTokens(
    (token, options) => {
      verifications++;
      return real(token, options);
    },
    ring,
    10,
    () => clock,
  );
}

describe('tokens kept verified', () => {
  it('checks the signature of a token once, and again for any other token', async () => {
    fresh();
    const token = await issueAccessToken(ring, cfg, claims, 60);
    const first = await verify(token);
    expect(await verify(token)).toBe(first);
    expect(verifications).toBe(1);
    // One changed byte of the signature is another token: verified in full, and refused.
    const tampered = token.slice(0, -2) + (token.at(-2) === 'A' ? 'B' : 'A') + token.at(-1);
    await expect(verify(tampered)).rejects.toMatchObject({ code: 'TOKEN_SIGNATURE' });
    expect(verifications).toBe(2);
  });

  it('still refuses a kept token once it expires', async () => {
    fresh();
    const token = await issueAccessToken(ring, cfg, claims, 60);
    await verify(token);
    clock += 60 + CLOCK_TOLERANCE_SECONDS - 1;
    await expect(verify(token)).resolves.toMatchObject({ subject: 'user-1' });
    clock += 2;
    await expect(verify(token)).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
    expect(verifications).toBe(1);
  });

  it('still refuses a kept token once the key that signed it is retired', async () => {
    fresh();
    const token = await issueAccessToken(ring, cfg, claims, 60);
    await verify(token);
    const old = ring.activeKid;
    await ring.rotate();
    await expect(verify(token)).resolves.toMatchObject({ subject: 'user-1' });
    await ring.retire(old);
    await expect(verify(token)).rejects.toMatchObject({ code: 'TOKEN_UNKNOWN_KEY' });
  });

  it('verifies in full when the caller brings its own clock', async () => {
    fresh();
    const token = await issueAccessToken(ring, cfg, claims, 60);
    await verify(token);
    await expect(verify(token, { nowSeconds: Math.floor(clock) + 3600 })).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
    expect(verifications).toBe(2);
  });
});
