import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { iinCheckDigit, isValidIin } from '../../src/privacy/iin-checksum.js';

describe('IIN checksum', () => {
  it('accepts the policy examples, both of which need the second weights', () => {
    expect(isValidIin('061211600012')).toBe(true);
    expect(isValidIin('900101300811')).toBe(true);
    expect(iinCheckDigit('06121160001')).toBe(2);
    expect(iinCheckDigit('90010130081')).toBe(1);
  });

  it('accepts a number checked with the first weights', () => {
    expect(iinCheckDigit('85050540012')).toBe(7);
    expect(isValidIin('850505400127')).toBe(true);
  });

  it('has no check digit for the unusable prefix 90010130080', () => {
    expect(iinCheckDigit('90010130080')).toBeNull();
    for (let d = 0; d <= 9; d++) expect(isValidIin(`90010130080${d}`)).toBe(false);
  });

  it('never rejects for a date that does not exist', () => {
    expect(isValidIin('991301300122')).toBe(true);
  });

  it('rejects wrong check digits, lengths and characters', () => {
    expect(isValidIin('900101300812')).toBe(false);
    expect(isValidIin('061211600013')).toBe(false);
    for (const bad of ['', '90010130081', '9001013008111', '90010130081a', ' 900101300811', '９００１０１３００８１１']) expect(isValidIin(bad)).toBe(false);
    expect(iinCheckDigit('9001013008')).toBeNull();
    expect(iinCheckDigit('9001013008x')).toBeNull();
  });

  it('accepts exactly one check digit for every usable prefix (property)', () => {
    const prefix = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 11, maxLength: 11 });
    fc.assert(
      fc.property(prefix, (p) => {
        const valid = [...'0123456789'].filter((d) => isValidIin(p + d));
        const c = iinCheckDigit(p);
        expect(valid).toEqual(c === null ? [] : [String(c)]);
      }),
    );
  });
});
