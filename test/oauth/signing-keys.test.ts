import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateKeyRing } from '../../src/oauth/signing-keys.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'qaz-keys-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('signing key ring', () => {
  it('creates a private directory with one private key file', async () => {
    const dir = join(root, 'fresh', 'keys');
    const ring = await loadOrCreateKeyRing(dir);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    const keyFiles = (await readdir(dir)).filter((f) => f.endsWith('.jwk.json'));
    expect(keyFiles).toEqual([`${ring.activeKid}.jwk.json`]);
    expect((await stat(join(dir, keyFiles[0]))).mode & 0o777).toBe(0o600);
  });

  it('uses the RFC 7638 thumbprint as key id', async () => {
    const ring = await loadOrCreateKeyRing(join(root, 'thumb'));
    const [jwk] = ring.publicJwks().keys;
    const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y });
    expect(jwk.kid).toBe(createHash('sha256').update(canonical).digest('base64url'));
    expect(jwk.kid).toBe(ring.activeKid);
  });

  it('publishes public ES256 keys only', async () => {
    const ring = await loadOrCreateKeyRing(join(root, 'public'));
    await ring.rotate();
    const { keys } = ring.publicJwks();
    expect(keys).toHaveLength(2);
    for (const key of keys) {
      expect(key).not.toHaveProperty('d');
      expect(Object.keys(key).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x', 'y']);
      expect(key).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    }
    expect(JSON.stringify(ring.publicJwks())).not.toMatch(/"d"/);
  });

  it('reloads the same keys and active key from disk', async () => {
    const dir = join(root, 'reload');
    const first = await loadOrCreateKeyRing(dir);
    const oldKid = first.activeKid;
    const newKid = await first.rotate();
    const again = await loadOrCreateKeyRing(dir);
    expect(again.activeKid).toBe(newKid);
    expect(again.publicJwks().keys.map((k) => k.kid)).toEqual([newKid, oldKid]);
  });

  it('retires only non-active, known keys and deletes their files', async () => {
    const dir = join(root, 'retire');
    const ring = await loadOrCreateKeyRing(dir);
    const oldKid = ring.activeKid;
    await expect(ring.retire(oldKid)).rejects.toThrow(/active/);
    await ring.rotate();
    await ring.retire(oldKid);
    expect(ring.hasKey(oldKid)).toBe(false);
    expect(await readdir(dir)).not.toContain(`${oldKid}.jwk.json`);
    await expect(ring.retire(oldKid)).rejects.toThrow(/no signing key/);
    expect((await loadOrCreateKeyRing(dir)).publicJwks().keys).toHaveLength(1);
  });

  it('agrees on one key when two loaders race on an empty directory', async () => {
    const dir = join(root, 'race');
    const [a, b] = await Promise.all([loadOrCreateKeyRing(dir), loadOrCreateKeyRing(dir)]);
    expect(a.activeKid).toBe(b.activeKid);
    expect((await readdir(dir)).filter((f) => f.endsWith('.jwk.json'))).toHaveLength(1);
  });

  it('agrees on one key when many loaders race, as the gateways of parallel test files do, and leaves nothing aside', async () => {
    const dir = join(root, 'crowd');
    const rings = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateKeyRing(dir)));
    expect(new Set(rings.map((r) => r.activeKid))).toEqual(new Set([rings[0].activeKid]));
    expect((await readdir(dir)).sort()).toEqual(['active', `${rings[0].activeKid}.jwk.json`].sort());
  });
});
