import { describe, expect, it } from '@jest/globals';
import { localizeStoredText, maskFreeText, STORED_TEXT_LANGUAGE } from '../../src/privacy/free-text.masks.js';

const WRITTEN = 'ИИН 900101300811, тел +7 701 234 56 78, почта aigerim@mail.kz, паспорт N12345678';

describe('free-text placeholders by language', () => {
  it('writes the placeholder in the language asked for', () => {
    expect(maskFreeText(WRITTEN, 'en').text).toBe('ИИН [IIN hidden], тел [phone hidden], почта [e-mail hidden], паспорт [document hidden]');
    expect(maskFreeText(WRITTEN, 'ru').text).toBe('ИИН [ИИН скрыт], тел [телефон скрыт], почта [e-mail скрыт], паспорт [документ скрыт]');
    expect(maskFreeText(WRITTEN, 'kk').text).toBe('ИИН [ЖСН жасырылған], тел [телефон жасырылған], почта [e-mail жасырылған], паспорт [құжат жасырылған]');
  });

  it('keeps revealed kinds as written whatever the language', () => {
    expect(maskFreeText(WRITTEN, 'kk', new Set(['PHONE', 'EMAIL'])).text).toBe('ИИН [ЖСН жасырылған], тел +7 701 234 56 78, почта aigerim@mail.kz, паспорт [құжат жасырылған]');
  });

  it('stores English placeholders and reads them back in each language as if masked in it', () => {
    const stored = maskFreeText(WRITTEN, STORED_TEXT_LANGUAGE).text;
    for (const language of ['en', 'ru', 'kk'] as const) expect(localizeStoredText(stored, language)).toBe(maskFreeText(WRITTEN, language).text);
    expect(localizeStoredText(stored, 'en')).toBe(stored);
  });

  it('changes nothing else in a stored text', () => {
    const text = 'Цена 210 000 тг, [скобки], [IIN] и hidden]';
    expect(localizeStoredText(text, 'ru')).toBe(text);
  });
});
