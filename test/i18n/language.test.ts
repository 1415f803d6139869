import { describe, expect, it } from '@jest/globals';
import { languageOf } from '../../src/i18n/language.js';

describe('languageOf (Accept-Language)', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['ru', 'ru'],
    ['kk', 'kk'],
    ['en', 'en'],
    ['RU-ru', 'ru'],
    ['kk-KZ', 'kk'],
    ['kk-Cyrl-KZ', 'kk'],
    ['de', 'en'],
    ['de-DE, fr;q=0.9', 'en'],
    ['kz', 'en'],
    ['*', 'en'],
  ] as const)('%j -> %s', (header, language) => {
    expect(languageOf(header)).toBe(language);
  });

  it('honours quality values: the highest wins, the earlier on a tie, and q=0 refuses a language', () => {
    expect(languageOf('en;q=0.5, kk;q=0.8, ru;q=0.7')).toBe('kk');
    expect(languageOf('ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7')).toBe('ru');
    expect(languageOf('en-GB;q=0.8, ru;q=0.8')).toBe('en');
    expect(languageOf('ru;q=0.8, en-GB;q=0.8')).toBe('ru');
    expect(languageOf('ru;q=0, kk;q=0.1')).toBe('kk');
    expect(languageOf('de, ru;q=0.1')).toBe('ru');
    expect(languageOf('ru-RU;q=0.2, ru;q=0.9, kk;q=0.5')).toBe('ru');
  });

  it('lets * stand for the languages not named, and falls back to English when none is acceptable', () => {
    expect(languageOf('en;q=0, *;q=0.5')).toBe('ru');
    expect(languageOf('kk;q=0.3, *;q=0.5')).toBe('en');
    expect(languageOf('ru;q=0, kk;q=0')).toBe('en');
    expect(languageOf('*;q=0')).toBe('en');
  });

  it('skips malformed ranges and weights instead of failing', () => {
    expect(languageOf('kk;q=2, ru;q=0.5')).toBe('ru');
    expect(languageOf('kk;q=abc, ,;;, ru')).toBe('ru');
    expect(languageOf('ru; q=0.5 ; level=1')).toBe('ru');
    expect(languageOf(`${'x,'.repeat(2000)}kk`)).toBe('kk');
  });
});
