import type { Language } from './language.js';
import { MESSAGES, VALUE_WITHHELD, type MessageTexts } from './messages.catalogue.js';

interface Template {
  readonly key: string;
  readonly texts: MessageTexts;
  readonly pattern: RegExp;
  readonly params: readonly string[];
}

const PARAM = /\{(\w+)\}/g;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An English template as an anchored pattern whose groups take the parts marked `{name}`. */
export function compileTemplate(english: string): { pattern: RegExp; params: string[] } {
  const params: string[] = [];
  let source = '';
  let last = 0;
  for (const m of english.matchAll(PARAM)) {
    source += `${escapeRegExp(english.slice(last, m.index))}([\\s\\S]*?)`;
    params.push(m[1]);
    last = m.index + m[0].length;
  }
  return { pattern: new RegExp(`^${source}${escapeRegExp(english.slice(last))}$`), params };
}

// Compiled once from the catalogue: data shared by every request, nothing about a caller.
const TEMPLATES: ReadonlyMap<string, readonly Template[]> = new Map(
  Object.entries(MESSAGES).map(([code, messages]) => [code, Object.entries(messages).map(([key, texts]) => ({ key, texts, ...compileTemplate(texts.en) }))]),
);

/** The first catalogue entry of the code whose English template gives this text, with the parts it takes over; null when none does. */
export function findMessage(code: string, english: string): { key: string; texts: MessageTexts; values: Map<string, string> } | null {
  for (const t of TEMPLATES.get(code) ?? []) {
    const m = t.pattern.exec(english);
    if (m) return { key: t.key, texts: t.texts, values: new Map(t.params.map((name, i) => [name, m[i + 1]])) };
  }
  return null;
}

/** The message in the caller's language. English comes back as raised, without a lookup; a text the catalogue lacks stays English. */
export function localizeMessage(code: string, english: string, language: Language): string {
  if (language === 'en') return english;
  const found = findMessage(code, english);
  if (!found) return english;
  return found.texts[language].replace(PARAM, (_, name: string) => (found.values.get(name) ?? '').replaceAll(VALUE_WITHHELD.en, VALUE_WITHHELD[language]));
}

/** The English text of a code that has one message. */
export function soleEnglishMessage(code: string): string {
  const [only, ...more] = Object.values(MESSAGES[code] ?? {});
  if (!only || more.length) throw new Error(`${code} has no single catalogue message`);
  return only.en;
}
