import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../src/config/config.js';
import { createPiiVault } from '../../src/privacy/pii-vault.js';

const vault = createPiiVault(loadConfig({ NODE_ENV: 'test' }));

describe('PiiVault subject keys', () => {
  it("unwraps a subject's key once and reuses it", () => {
    const id = randomUUID();
    const { wrapped } = vault.newSubjectKey(id);
    const key = vault.subjectKey(id, wrapped);
    expect(vault.subjectKey(id, wrapped)).toBe(key);
    const sealed = vault.seal(key, id, 'profile', 'Әлия');
    expect(vault.open(vault.subjectKey(id, wrapped), id, 'profile', sealed)).toBe('Әлия');
  });

  it('keeps the binding to the subject: a cached key presented for another subject is still refused', () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const { wrapped } = vault.newSubjectKey(a);
    vault.subjectKey(a, wrapped);
    expect(() => vault.subjectKey(b, wrapped)).toThrow();
  });

  it('drops the least recently used keys past its bound, and unwraps them again when asked', () => {
    const first = randomUUID();
    const { wrapped } = vault.newSubjectKey(first);
    const key = vault.subjectKey(first, wrapped);
    for (let i = 0; i < 20_000; i++) {
      const id = randomUUID();
      vault.subjectKey(id, vault.newSubjectKey(id).wrapped);
    }
    const again = vault.subjectKey(first, wrapped);
    expect(again).not.toBe(key);
    expect(again.equals(key)).toBe(true);
  });
});
