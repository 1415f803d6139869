import { describe, expect, it } from '@jest/globals';
import { normalizeKzPhone } from '../../src/privacy/phone.js';

describe('normalizeKzPhone', () => {
  it.each(['+77011234567', '+7 701 123 45 67', '+7 (701) 123-45-67', '87011234567', '8 701 123 45 67', '8(701)1234567', '77011234567', '701 123 45 67'])(
    'normalises %s',
    (input) => {
      expect(normalizeKzPhone(input)).toBe('+77011234567');
    },
  );

  it.each(['', '+79161234567', '89161234567', '+7701123456', '+770112345678', '+1 701 123 45 67', '+7 701 123 45 67 ext 2', '7011234567a', '++77011234567', '8 800 123 45 67'])(
    'rejects %s',
    (input) => {
      expect(normalizeKzPhone(input)).toBeNull();
    },
  );
});
