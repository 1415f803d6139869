import { describe, expect, it } from '@jest/globals';
import { pseudonymize } from '../../src/privacy/privacy.pseudonym.js';

const keyA = Buffer.alloc(32, 1);
const keyB = Buffer.alloc(32, 2);

describe('pseudonymize', () => {
  it('is stable per key and shaped ps_ + base64url of 32 bytes', () => {
    const p = pseudonymize(keyA, 'IIN', '900101300811');
    expect(p).toBe(pseudonymize(Buffer.from(keyA), 'IIN', '900101300811'));
    expect(p).toMatch(/^ps_[A-Za-z0-9_-]{43}$/);
  });

  it('cannot be linked across keys or kinds', () => {
    const p = pseudonymize(keyA, 'PHONE', '+77011234567');
    expect(pseudonymize(keyB, 'PHONE', '+77011234567')).not.toBe(p);
    expect(pseudonymize(keyA, 'EMAIL', '+77011234567')).not.toBe(p);
    expect(pseudonymize(keyA, 'A', 'B:C')).not.toBe(pseudonymize(keyA, 'A:B', 'C'));
  });

  it('is not a truncation of the value nor a bare hash', () => {
    const p = pseudonymize(keyA, 'IIN', '900101300811');
    expect(p).not.toContain('0811');
    expect(p).not.toBe(pseudonymize(Buffer.alloc(32, 0), 'IIN', '900101300811'));
  });

  it('refuses short keys', () => {
    expect(() => pseudonymize(Buffer.alloc(16), 'IIN', 'x')).toThrow(/32 bytes/);
  });
});
