import { findPersonalData, type FreeTextKind } from './free-text.detector.js';

export interface MaskedText { text: string; counts: Record<FreeTextKind, number>; revealed: ReadonlySet<FreeTextKind> }

const NONE: ReadonlySet<FreeTextKind> = new Set();

/** What a reader sees where personal data was. */
export const FREE_TEXT_MASKS: Readonly<Record<FreeTextKind, string>> = Object.freeze({
  IIN: '[IIN скрыт]', PHONE: '[телефон скрыт]', EMAIL: '[e-mail скрыт]', PASSPORT: '[документ скрыт]',
});

/** The text with every IIN, phone, e-mail, passport and ID-card number replaced by its mask, except kinds in `reveal`; the rest stays as written. */
export function maskFreeText(text: string, reveal: ReadonlySet<FreeTextKind> = NONE): MaskedText {
  const counts: Record<FreeTextKind, number> = { IIN: 0, PHONE: 0, EMAIL: 0, PASSPORT: 0 };
  const revealed = new Set<FreeTextKind>();
  let out = '';
  let pos = 0;
  for (const f of findPersonalData(text)) {
    if (reveal.has(f.kind)) {
      revealed.add(f.kind);
      continue;
    }
    out += text.slice(pos, f.start) + FREE_TEXT_MASKS[f.kind];
    pos = f.end;
    counts[f.kind]++;
  }
  return { text: out + text.slice(pos), counts, revealed };
}
