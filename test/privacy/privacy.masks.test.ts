import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { maskEmail, maskFullName, maskIin, maskPassport, maskPhone, maskValue, parseFullName } from '../../src/privacy/privacy.masks.js';

describe('masks', () => {
  it('keeps the last 4 digits of an IIN', () => {
    expect(maskIin('900101300811')).toBe('********0811');
    for (const bad of ['', '123', '90010130081', '9001013008111', '90010130081x', ' 900101300811']) expect(maskIin(bad)).toBe('************');
  });

  it('keeps the first letter and last 2 of a passport, same length', () => {
    expect(maskPassport('N12345689')).toBe('N******89');
    expect(maskPassport('n1234 5689')).toBe('N******89');
    expect(maskPassport('123456789')).toBe('*******89');
    expect(maskPassport('N12')).toBe('***');
    expect(maskPassport('N123456')).toBe('*******');
    expect(maskPassport('')).toBe('');
  });

  it('keeps the country code and last 2 digits of a phone', () => {
    expect(maskPhone('+77011234567')).toBe('+7 7** *** **67');
    expect(maskPhone('8 (701) 123-45-67')).toBe('+7 7** *** **67');
    for (const bad of ['', '67', '+79161234567', 'call me']) expect(maskPhone(bad)).toBe('+* *** *** ** **');
  });

  it('keeps the first character of the local part and the domain of an e-mail', () => {
    expect(maskEmail('aigerim@mail.kz')).toBe('a***@mail.kz');
    expect(maskEmail('Aigerim@Mail.KZ')).toBe('A***@mail.kz');
    expect(maskEmail('ab@mail.kz')).toBe('***@mail.kz');
    for (const bad of ['', 'aigerim', '@mail.kz', 'aigerim@', 'aigerim@localhost', 'a b c@mail.kz', 'aigerim@mail kz.com']) {
      expect(maskEmail(bad)).toBe('***');
    }
  });

  it('keeps the first name and the surname initial', () => {
    expect(maskFullName({ firstName: 'Aigerim', surname: 'Kassymova' })).toBe('Aigerim K.');
    expect(maskFullName({ firstName: 'Aigerim', patronymic: 'Nurlanovna', surname: 'Kassymova' })).toBe('Aigerim K.');
    expect(maskFullName({ firstName: ' Айгерим ', surname: 'қасымова' })).toBe('Айгерим Қ.');
    expect(maskFullName({ firstName: 'Aigerim Kassymova', surname: null })).toBe('Aigerim');
    expect(maskFullName({ firstName: ' ', surname: undefined })).toBeNull();
  });

  it('shows initials only where there is no first name: never a whole surname or patronymic', () => {
    expect(maskFullName({ firstName: null, surname: 'Кудайбергенов' })).toBe('К.');
    expect(maskFullName({ firstName: null, patronymic: 'Нурланович', surname: 'Кудайбергенов' })).toBe('Н. К.');
    expect(maskFullName({ firstName: '', patronymic: 'Нурланович', surname: null })).toBe('Н.');
    expect(maskValue('FULL_NAME', { firstName: null, patronymic: 'Нурланович', surname: 'Кудайбергенов' })).toBe('Н. К.');
  });

  it('reads a display name as First [Patronymic] Surname, and a single word as a surname', () => {
    expect(parseFullName(' Aigerim  Nurlanovna Kassymova ')).toEqual({ firstName: 'Aigerim', patronymic: 'Nurlanovna', surname: 'Kassymova' });
    expect(parseFullName('Aigerim Kassymova')).toEqual({ firstName: 'Aigerim', patronymic: undefined, surname: 'Kassymova' });
    expect(parseFullName('Кудайбергенов')).toEqual({ firstName: undefined, surname: 'Кудайбергенов' });
    expect(parseFullName('  ')).toEqual({ firstName: undefined, surname: undefined });
    expect(maskValue('FULL_NAME', 'Кудайбергенов')).toBe('К.');
  });

  it('masks by kind, nothing for kinds without a mask and for input of the wrong shape', () => {
    expect(maskValue('IIN', '900101300811')).toBe('********0811');
    expect(maskValue('PASSPORT', 'N12345689')).toBe('N******89');
    expect(maskValue('PHONE', '+77011234567')).toBe('+7 7** *** **67');
    expect(maskValue('EMAIL', 'aigerim@mail.kz')).toBe('a***@mail.kz');
    expect(maskValue('FULL_NAME', { firstName: 'Aigerim', surname: 'Kassymova' })).toBe('Aigerim K.');
    expect(maskValue('FULL_NAME', 'Aigerim Nurlanovna Kassymova')).toBe('Aigerim K.');
    expect(maskValue('FULL_NAME', '')).toBeNull();
    expect(maskValue('PHONE', { firstName: 'x', surname: 'y' })).toBeNull();
    for (const kind of ['GENDER', 'MESSENGER', 'DOCUMENT_SCAN'] as const) expect(maskValue(kind, 'FEMALE')).toBeNull();
  });
});

describe('masks never reveal more than allowed (property)', () => {
  const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
  const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), digits(0, 14));

  it('IIN: the last 4 of exactly 12 digits, else nothing', () => {
    fc.assert(
      fc.property(text, (s) => {
        const out = maskIin(s);
        expect(out === '************' || (/^\d{12}$/.test(s) && out === `********${s.slice(8)}`)).toBe(true);
      }),
    );
  });

  it('passport: at most the first letter and last 2 characters, in place', () => {
    const passports = fc.oneof(
      text,
      digits(9, 9),
      digits(8, 8).map((d) => `N${d}`),
    );
    fc.assert(
      fc.property(passports, (s) => {
        const chars = Array.from(s.replace(/\s+/g, ''));
        const out = Array.from(maskPassport(s));
        expect(out.length).toBe(chars.length);
        out.forEach((c, i) => {
          if (c === '*') return;
          const allowed = (i === 0 && /^[A-Z]$/.test(c) && chars[0].toUpperCase() === c) || (i >= chars.length - 2 && chars.length >= 8 && chars[i] === c);
          expect(allowed).toBe(true);
        });
      }),
    );
  });

  it('phone: a fixed template plus the last 2 digits of a valid number', () => {
    const phones = fc.oneof(
      text,
      digits(9, 9).map((d) => `+77${d}`),
      digits(9, 9).map((d) => `8 7${d}`),
    );
    fc.assert(
      fc.property(phones, (s) => {
        const out = maskPhone(s);
        if (out === '+* *** *** ** **') return;
        expect(out).toMatch(/^\+7 7\*\* \*\*\* \*\*\d\d$/);
        expect(out.slice(-2)).toBe(s.replace(/\D/g, '').slice(-2));
      }),
    );
  });

  it('e-mail: the domain and at most the first character of the local part', () => {
    const emails = fc.oneof(text, fc.emailAddress());
    fc.assert(
      fc.property(emails, (s) => {
        const out = maskEmail(s);
        if (out === '***') return;
        const at = s.lastIndexOf('@');
        const local = Array.from(s.slice(0, at));
        expect([`***@${s.slice(at + 1).toLowerCase()}`, `${local[0]}***@${s.slice(at + 1).toLowerCase()}`]).toContain(out);
      }),
    );
  });

  it('display name: the first word and one letter of the last word; a single word only as its initial', () => {
    fc.assert(
      fc.property(text, (s) => {
        const words = s
          .trim()
          .split(/\s+/)
          .filter((w) => w !== '');
        const out = maskValue('FULL_NAME', s);
        if (words.length === 0) return expect(out).toBeNull();
        const letter = Array.from(words[words.length - 1])[0];
        // One character either way: a letter whose capital is longer (ﬃ -> FFI, ᾀ -> ἈΙ) stays as written.
        const lastInitial = `${Array.from(letter.toUpperCase()).length === 1 ? letter.toUpperCase() : letter}.`;
        expect(out).toBe(words.length > 1 ? `${words[0]} ${lastInitial}` : lastInitial);
      }),
    );
  });

  it('full name: the first word of the first name and one initial; initials only without a first name', () => {
    const part = fc.option(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' })), { nil: null });
    fc.assert(
      fc.property(part, part, part, (firstName, patronymic, surname) => {
        const out = maskFullName({ firstName, patronymic, surname });
        const firstWord = firstName?.trim().split(/\s+/)[0] ?? '';
        const init = (p: string | null) => {
          const c = Array.from(p?.trim() ?? '')[0];
          return c ? `${Array.from(c.toUpperCase()).length === 1 ? c.toUpperCase() : c}.` : '';
        };
        const allowed = (firstWord ? [firstWord, init(surname)] : [init(patronymic), init(surname)]).filter((p) => p !== '').join(' ');
        expect(out).toBe(allowed === '' ? null : allowed);
        // Beyond the first name, only initials of one character.
        const rest = out === null ? '' : firstWord ? out.slice(firstWord.length) : out;
        for (const token of rest
          .trim()
          .split(' ')
          .filter((t) => t !== '')) {
          expect(token.endsWith('.') && Array.from(token).length === 2).toBe(true);
        }
      }),
    );
  });

  it('keeps an initial one character where its capital would be longer', () => {
    expect(maskFullName({ firstName: null, patronymic: null, surname: 'ﬃx' })).toBe('ﬃ.');
    expect(maskFullName({ firstName: 'Aigerim', patronymic: null, surname: 'ῢy' })).toBe('Aigerim ῢ.');
    expect(maskFullName({ firstName: null, patronymic: 'əli', surname: 'kim' })).toBe('Ə. K.');
  });
});
