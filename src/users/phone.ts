import type { TextMatch } from './iin.js';

export interface PhoneMatch extends TextMatch {
  readonly normalized: string;
}

// Trunk prefix +7, 8 or 7 (or none), then the 10-digit national number of a Kazakh mobile: 7xx.
const NATIONAL = /^(?:\+7|8|7)?(7\d{9})$/;
const SCAN = /(?<![\d+])(?:\+7|8|7)?[\s-]*\(?7\d{2}\)?[\s-]*\d{3}[\s-]*\d{2}[\s-]*\d{2}(?!\d)/g;

/** A Kazakh mobile number as +77xxxxxxxxx, or null; spaces, dashes and parentheses are ignored. */
export function normalizeKzPhone(input: string): string | null {
  if (!/^[\d\s()+-]+$/.test(input)) return null;
  const m = NATIONAL.exec(input.replace(/[\s()-]/g, ''));
  return m ? `+7${m[1]}` : null;
}

/** Kazakh mobile numbers written in free text. */
export function findPhones(text: string): PhoneMatch[] {
  const found: PhoneMatch[] = [];
  for (const m of text.matchAll(SCAN)) {
    const normalized = normalizeKzPhone(m[0]);
    if (normalized) found.push({ index: m.index, length: m[0].length, normalized });
  }
  return found;
}
