import type { Language } from '../i18n/language.js';
import { HIDDEN_IN_TEXT } from '../i18n/messages.catalogue.js';
import { findPersonalData, type FreeTextKind } from './free-text.detector.js';

export interface MaskedText {
  text: string;
  counts: Record<FreeTextKind, number>;
  revealed: ReadonlySet<FreeTextKind>;
}

const NONE: ReadonlySet<FreeTextKind> = new Set();
const KINDS = Object.keys(HIDDEN_IN_TEXT) as FreeTextKind[];

/** Texts masked when they are written keep English placeholders, the default language's, so an English reader gets them as stored. */
export const STORED_TEXT_LANGUAGE: Language = 'en';

/** The text with every IIN, phone, e-mail, passport and ID-card number replaced by its placeholder in `language`, except kinds in `reveal`; the rest stays as written. */
export function maskFreeText(text: string, language: Language, reveal: ReadonlySet<FreeTextKind> = NONE): MaskedText {
  const counts: Record<FreeTextKind, number> = { IIN: 0, PHONE: 0, EMAIL: 0, PASSPORT: 0 };
  const revealed = new Set<FreeTextKind>();
  let out = '';
  let pos = 0;
  for (const f of findPersonalData(text)) {
    if (reveal.has(f.kind)) {
      revealed.add(f.kind);
      continue;
    }
    out += text.slice(pos, f.start) + HIDDEN_IN_TEXT[f.kind][language];
    pos = f.end;
    counts[f.kind]++;
  }
  return { text: out + text.slice(pos), counts, revealed };
}

/** A text masked when it was written, with its placeholders in the reader's language. */
export function localizeStoredText(text: string, language: Language): string {
  if (language === STORED_TEXT_LANGUAGE) return text;
  let out = text;
  for (const kind of KINDS) out = out.replaceAll(HIDDEN_IN_TEXT[kind][STORED_TEXT_LANGUAGE], HIDDEN_IN_TEXT[kind][language]);
  return out;
}
