import { describe, expect, it } from '@jest/globals';
import { findPhones, normalizeKzPhone } from '../../src/users/phone.js';

describe('normalizeKzPhone', () => {
  it.each([
    '+77011234567', '+7 701 123 45 67', '+7 (701) 123-45-67', '87011234567', '8 701 123 45 67', '8(701)1234567', '77011234567', '701 123 45 67',
  ])('normalises %s', (input) => {
    expect(normalizeKzPhone(input)).toBe('+77011234567');
  });

  it.each([
    '', '+79161234567', '89161234567', '+7701123456', '+770112345678', '+1 701 123 45 67', '+7 701 123 45 67 ext 2', '7011234567a', '++77011234567', '8 800 123 45 67',
  ])('rejects %s', (input) => {
    expect(normalizeKzPhone(input)).toBeNull();
  });
});

describe('findPhones', () => {
  it('finds written Kazakh mobile numbers', () => {
    const text = 'звоните +7 (701) 123-45-67 или 8 777 000 11 22.';
    expect(findPhones(text)).toEqual([
      { index: 8, length: 18, normalized: '+77011234567' },
      { index: 31, length: 15, normalized: '+77770001122' },
    ]);
  });

  it('ignores other numbers, longer digit runs and IINs', () => {
    expect(findPhones('+7 916 123 45 67, 900101300811, 177011234567, 87011234567890')).toEqual([]);
  });
});
