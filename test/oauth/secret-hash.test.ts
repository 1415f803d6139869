import { describe, expect, it } from '@jest/globals';
import { hashSecret, hashToken, newClientSecret, newLoginCode, verifySecret } from '../../src/oauth/secret-hash.js';

describe('secret hashing', () => {
  it('hashes with scrypt in the documented format and verifies', async () => {
    const secret = newClientSecret();
    const stored = await hashSecret(secret);
    expect(stored).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]{43}$/);
    expect(stored).not.toContain(secret);
    await expect(verifySecret(secret, stored)).resolves.toBe(true);
    await expect(verifySecret(`${secret}x`, stored)).resolves.toBe(false);
    await expect(verifySecret('', stored)).resolves.toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashSecret('same')).not.toBe(await hashSecret('same'));
  });

  it('refuses malformed or abusive stored values instead of throwing', async () => {
    const stored = await hashSecret('s');
    const [, , r, p, salt, hash] = stored.split('$');
    for (const bad of [
      '',
      'plain',
      `bcrypt$16384$${r}$${p}$${salt}$${hash}`,
      `scrypt$1000$${r}$${p}$${salt}$${hash}`,
      `scrypt$${1 << 24}$${r}$${p}$${salt}$${hash}`,
      `scrypt$16384$${r}$${p}$${salt}$${hash.slice(0, 10)}`,
    ]) {
      await expect(verifySecret('s', bad)).resolves.toBe(false);
    }
  });

  it('makes client secrets of 32 random bytes', () => {
    const a = newClientSecret();
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(a).not.toBe(newClientSecret());
  });

  it('hashes high-entropy tokens with a keyed HMAC', () => {
    const key = Buffer.alloc(32, 1);
    expect(hashToken(key, 'refresh')).toBe(hashToken(key, 'refresh'));
    expect(hashToken(key, 'refresh')).not.toBe(hashToken(Buffer.alloc(32, 2), 'refresh'));
    expect(hashToken(key, 'refresh')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('makes six-digit login codes, leading zeros included', () => {
    const codes = Array.from({ length: 2000 }, newLoginCode);
    expect(codes.every((c) => /^\d{6}$/.test(c))).toBe(true);
    expect(new Set(codes.map((c) => c[0])).size).toBe(10);
  });
});
