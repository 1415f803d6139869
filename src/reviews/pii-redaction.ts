import { findIins, type TextMatch } from '../users/iin.js';
import { findPhones } from '../users/phone.js';

export type RedactedKind = 'IIN' | 'PHONE' | 'EMAIL';

export interface Redaction { text: string; counts: Record<RedactedKind, number> }

const MASKS: Record<RedactedKind, string> = { IIN: '[IIN скрыт]', PHONE: '[телефон скрыт]', EMAIL: '[e-mail скрыт]' };
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

function findEmails(text: string): TextMatch[] {
  return [...text.matchAll(EMAIL)].map((m) => ({ index: m.index, length: m[0].length }));
}

/** Replaces IINs (by checksum), Kazakh mobile numbers and e-mail addresses in free text with masks; overlaps count once. */
export function redactPersonalData(text: string): Redaction {
  const found = [
    ...findIins(text).map((m) => ({ ...m, kind: 'IIN' as const })),
    ...findPhones(text).map((m) => ({ index: m.index, length: m.length, kind: 'PHONE' as const })),
    ...findEmails(text).map((m) => ({ ...m, kind: 'EMAIL' as const })),
  ].sort((a, b) => a.index - b.index || b.length - a.length);
  const counts: Record<RedactedKind, number> = { IIN: 0, PHONE: 0, EMAIL: 0 };
  let out = '';
  let pos = 0;
  for (const m of found) {
    if (m.index < pos) continue;
    out += text.slice(pos, m.index) + MASKS[m.kind];
    pos = m.index + m.length;
    counts[m.kind]++;
  }
  return { text: out + text.slice(pos), counts };
}
