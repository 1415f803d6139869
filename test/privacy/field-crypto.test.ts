import { describe, expect, it } from '@jest/globals';
import { blindIndex, decryptField, encryptField, newDataKey, unwrapDataKey, wrapDataKey } from '../../src/privacy/field-crypto.js';
import type { FieldKeys } from '../../src/privacy/field-crypto.js';

const k1 = Buffer.alloc(32, 7);
const k2 = Buffer.alloc(32, 9);
const old: FieldKeys = { activeKeyId: 'k1', keys: new Map([['k1', k1]]) };
const rotated: FieldKeys = {
  activeKeyId: 'k2',
  keys: new Map([
    ['k2', k2],
    ['k1', k1],
  ]),
};
const IIN = '900101300811';

function flip(stored: string, part: number): string {
  const parts = stored.split('.');
  const bytes = Buffer.from(parts[part], 'base64url');
  bytes[0] ^= 1;
  parts[part] = bytes.toString('base64url');
  return parts.join('.');
}

describe('field encryption', () => {
  it('round-trips with the key id in a compact string and no plaintext in it', () => {
    const stored = encryptField(old, IIN, 'user-1');
    expect(stored).toMatch(/^v1\.k1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    for (const leak of [IIN, '0811', Buffer.from(IIN).toString('base64url'), Buffer.from(IIN).toString('hex')]) expect(stored).not.toContain(leak);
    expect(decryptField(old, stored, 'user-1')).toBe(IIN);
    expect(decryptField(old, encryptField(old, 'Қасымова Әйгерім'))).toBe('Қасымова Әйгерім');
  });

  it('uses a fresh IV every time', () => {
    expect(encryptField(old, IIN)).not.toBe(encryptField(old, IIN));
  });

  it('detects tampering with the IV, tag or ciphertext, and a swapped owner', () => {
    const stored = encryptField(old, IIN, 'user-1');
    for (const part of [2, 3, 4]) expect(() => decryptField(old, flip(stored, part), 'user-1')).toThrow(Error);
    expect(() => decryptField(old, stored, 'user-2')).toThrow(/authentication/);
    expect(() => decryptField(old, stored)).toThrow(/authentication/);
    expect(() => decryptField(old, stored.replace('v1.', 'v2.'), 'user-1')).toThrow(/not an encrypted/);
    expect(() => decryptField(old, 'garbage', 'user-1')).toThrow(/not an encrypted/);
  });

  it('never puts the plaintext in an error', () => {
    const stored = encryptField(old, IIN, 'user-1');
    try {
      decryptField(old, flip(stored, 4), 'user-1');
      throw new Error('expected a failure');
    } catch (e) {
      expect((e as Error).message).not.toContain(IIN);
      expect((e as Error).message).not.toContain('0811');
    }
  });

  it('decrypts values written under an older key after rotation, and writes under the new one', () => {
    const before = encryptField(old, IIN, 'user-1');
    expect(decryptField(rotated, before, 'user-1')).toBe(IIN);
    expect(encryptField(rotated, IIN).startsWith('v1.k2.')).toBe(true);
    expect(() => decryptField(old, encryptField(rotated, IIN))).toThrow(/no usable field key/);
  });

  it('cannot be opened by a different key with the same id', () => {
    const other: FieldKeys = { activeKeyId: 'k1', keys: new Map([['k1', k2]]) };
    expect(() => decryptField(other, encryptField(old, IIN))).toThrow(Error);
  });

  it('rejects key ids that would break the format, and keys of the wrong size', () => {
    expect(() => encryptField({ activeKeyId: 'a.b', keys: new Map([['a.b', k1]]) }, IIN)).toThrow(/key ids/);
    expect(() => encryptField({ activeKeyId: 'short', keys: new Map([['short', Buffer.alloc(16)]]) }, IIN)).toThrow(/no usable/);
  });
});

describe('blind index', () => {
  it('is deterministic and separated by key and kind', () => {
    const a = blindIndex(k1, 'IIN', IIN);
    expect(a).toBe(blindIndex(k1, 'IIN', IIN));
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(blindIndex(k2, 'IIN', IIN)).not.toBe(a);
    expect(blindIndex(k1, 'PASSPORT', IIN)).not.toBe(a);
    expect(a).not.toContain('0811');
  });
});

describe('data keys', () => {
  it('wraps and unwraps a 32-byte key under the master key, bound to its owner', () => {
    const dk = newDataKey();
    expect(dk.length).toBe(32);
    expect(newDataKey().equals(dk)).toBe(false);
    const wrapped = wrapDataKey(old, dk, 'user-1');
    expect(wrapped).not.toContain(dk.toString('base64url'));
    expect(unwrapDataKey(rotated, wrapped, 'user-1').equals(dk)).toBe(true);
    expect(() => unwrapDataKey(old, wrapped, 'user-2')).toThrow(Error);
  });

  it('keeps wrapped keys and field values apart', () => {
    const dk = newDataKey();
    expect(() => decryptField(old, wrapDataKey(old, dk))).toThrow(Error);
    expect(() => unwrapDataKey(old, encryptField(old, 'x'.repeat(32)))).toThrow(Error);
    expect(() => wrapDataKey(old, Buffer.alloc(16))).toThrow(/32 bytes/);
  });

  it('encrypts fields under a data key like under any field key', () => {
    const dk = newDataKey();
    const perUser: FieldKeys = { activeKeyId: 'u', keys: new Map([['u', dk]]) };
    expect(decryptField(perUser, encryptField(perUser, IIN))).toBe(IIN);
  });
});
