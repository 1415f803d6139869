import { describe, expect, it } from '@jest/globals';
import { isValidPassport, normalizePassport } from '../../src/users/passport.js';

describe('passport numbers', () => {
  it('accepts a passport (N + 8 digits) and an identity card number (9 digits)', () => {
    expect(isValidPassport('N12345678')).toBe(true);
    expect(isValidPassport('012345678')).toBe(true);
  });

  it.each(['', 'N1234567', 'N123456789', 'n12345678', 'A12345678', '12345678', '1234567890', 'N 12345678'])('rejects %s', (s) => {
    expect(isValidPassport(s)).toBe(false);
  });

  it('normalises case and spaces before checking', () => {
    expect(normalizePassport(' n 1234 5678 ')).toBe('N12345678');
    expect(isValidPassport(normalizePassport(' n 1234 5678 '))).toBe(true);
  });
});
