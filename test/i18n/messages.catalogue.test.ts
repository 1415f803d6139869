import { describe, expect, it } from '@jest/globals';
import { AUTH_ERROR_CODES } from '../../src/access/auth.errors.js';
import { PASS_THROUGH } from '../../src/graphql/errors.js';
import { findMessage, localizeMessage, soleEnglishMessage } from '../../src/i18n/message.localize.js';
import { HIDDEN_IN_TEXT, MESSAGES, VALUE_WITHHELD, type MessageTexts } from '../../src/i18n/messages.catalogue.js';
import { raiseSites, type MessagePattern } from './raise-sites.js';

const sites = raiseSites(new URL('../../src', import.meta.url).pathname);
const CATCH_ALL = '{detail}';
// Apollo clients compare this message to retry a persisted query with its text, so it reads the same in every language.
const KEPT_AS_IS = new Set(['PERSISTED_QUERY_NOT_FOUND.notFound']);
const entries = Object.entries(MESSAGES).flatMap(([code, m]) => Object.entries(m).map(([key, texts]) => ({ code, key, texts })));
const parts = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const render = (template: string) => template.replace(/\{\w+\}/g, 'x');
const samples = (p: MessagePattern) => ['x', ''].map((hole) => p.map((s) => s ?? hole).join(''));
const matcher = (p: MessagePattern) => new RegExp(`^${p.map((s) => (s === null ? '[\\s\\S]*?' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('')}$`);

/** A specific entry of the code gives the site's text, or the site's text can be one of the code's specific entries. */
function covered(code: string, message: MessagePattern): boolean {
  if (
    samples(message).some((s) => {
      const found = findMessage(code, s);
      return found !== null && found.texts.en !== CATCH_ALL;
    })
  )
    return true;
  const site = matcher(message);
  return Object.values(MESSAGES[code] ?? {}).some((t) => t.en !== CATCH_ALL && site.test(render(t.en)));
}

const inCyrillic = (t: MessageTexts) => /\p{Script=Cyrillic}/u.test(t.ru) && /\p{Script=Cyrillic}/u.test(t.kk);

describe('the message catalogue against src/', () => {
  it('the scan finds the raise sites', () => {
    expect(sites.filter((s) => s.message).length).toBeGreaterThan(150);
    expect(sites).toContainEqual({ file: expect.stringMatching(/tour\.resolver\.ts$/), code: 'NOT_FOUND', message: ['Tour', ' not found'] });
    expect(sites).toContainEqual(expect.objectContaining({ code: 'SUBSCRIPTIONS_NOT_SUPPORTED', message: ['Subscriptions are not served over HTTP by this gateway'] }));
    expect(sites).toContainEqual(expect.objectContaining({ code: 'FORBIDDEN', message: ['X-Purpose-Ref is malformed'] }));
    expect(sites).toContainEqual(expect.objectContaining({ code: 'OBLIGATION_PENDING' }));
    expect(sites).toContainEqual(expect.objectContaining({ code: 'invalid_scope', message: ['The scope parameter is malformed'] }));
  });

  it('has every code the gateway raises or lets through', () => {
    const codes = new Set([...sites.map((s) => s.code), ...PASS_THROUGH, ...AUTH_ERROR_CODES, 'INTERNAL_SERVER_ERROR']);
    expect([...codes].filter((c) => !MESSAGES[c])).toEqual([]);
  });

  it('has every message raised in src/ as an entry of its own (not only through a catch-all)', () => {
    const missing = sites.filter((s) => s.message && !covered(s.code, s.message)).map((s) => `${s.code}: ${samples(s.message!)[0]} (${s.file})`);
    expect(missing).toEqual([]);
  });

  it('has one message per auth code, the text the error carries', () => {
    for (const code of AUTH_ERROR_CODES) expect(Object.keys(MESSAGES[code])).toHaveLength(1);
    expect(soleEnglishMessage('TOKEN_EXPIRED')).toBe('The access token has expired');
  });
});

describe('the message catalogue itself', () => {
  it('gives every message in Russian and Kazakh, in Cyrillic, distinct, with the same parts as the English', () => {
    const wrong = entries
      .filter(({ code, key, texts }) => {
        if (KEPT_AS_IS.has(`${code}.${key}`)) return texts.ru !== texts.en || texts.kk !== texts.en;
        return !inCyrillic(texts) || texts.ru === texts.kk || [texts.ru, texts.kk].some((t) => parts(t).join() !== parts(texts.en).join());
      })
      .map(({ code, key }) => `${code}.${key}`);
    expect(wrong).toEqual([]);
  });

  it('finds each entry by its own English text, so no earlier entry of its code swallows it; a catch-all comes last', () => {
    const shadowed = entries.filter(({ code, key, texts }) => findMessage(code, render(texts.en))?.key !== key).map(({ code, key }) => `${code}.${key}`);
    expect(shadowed).toEqual([]);
    const catchAllBefore = Object.entries(MESSAGES).filter(([, m]) => {
      const texts = Object.values(m).map((t) => t.en);
      return texts.includes(CATCH_ALL) && texts.indexOf(CATCH_ALL) !== texts.length - 1;
    });
    expect(catchAllBefore).toEqual([]);
  });

  it('writes placeholders for hidden values in every language', () => {
    for (const t of [VALUE_WITHHELD, ...Object.values(HIDDEN_IN_TEXT)]) {
      expect(inCyrillic(t)).toBe(true);
      expect(new Set([t.en, t.ru, t.kk]).size).toBe(3);
    }
  });
});

describe('localizeMessage', () => {
  it('returns English as raised and translates by the entry it matches, carrying its parts over', () => {
    expect(localizeMessage('NOT_FOUND', 'Tour not found', 'en')).toBe('Tour not found');
    expect(localizeMessage('NOT_FOUND', 'Tour not found', 'ru')).toBe('Тур не найден');
    expect(localizeMessage('NOT_FOUND', 'Tour not found', 'kk')).toBe('Тур табылмады');
    expect(localizeMessage('BAD_USER_INPUT', 'reason must be 1 to 500 characters', 'ru')).toBe('Поле reason должно содержать от 1 до 500 символов');
    expect(localizeMessage('BAD_USER_INPUT', 'reason must be 1 to 500 characters', 'kk')).toBe('reason өрісінің ұзындығы 1–500 таңба болуы керек');
  });

  it('puts a withheld value in the language of the message', () => {
    const en = 'Variable "$input" got an invalid value at input.kinds.0; Value "[value withheld]" does not exist in "PiiKind" enum.';
    expect(localizeMessage('BAD_USER_INPUT', en, 'kk')).toBe('"$input" айнымалысының мәні жарамсыз (input.kinds.0); Value "[мән жасырылған]" does not exist in "PiiKind" enum.');
  });

  it("keeps graphql-js's own words after a translated lead, and leaves a text it does not know in English", () => {
    expect(localizeMessage('GRAPHQL_VALIDATION_FAILED', 'Cannot query field "x" on type "Query".', 'ru')).toBe(
      'Запрос не соответствует схеме: Cannot query field "x" on type "Query".',
    );
    expect(localizeMessage('NO_SUCH_CODE', 'Something', 'ru')).toBe('Something');
  });
});
