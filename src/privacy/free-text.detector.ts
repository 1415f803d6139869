import { normaliseFreeText } from './free-text.normalize.js';
import { isValidIin } from './iin-checksum.js';

/** What the detector finds in free text; ID-card numbers count as PASSPORT (the identity document kind). */
export type FreeTextKind = 'IIN' | 'PHONE' | 'EMAIL' | 'PASSPORT';

/** A finding as a range of the ORIGINAL text. */
export interface FreeTextFinding {
  readonly kind: FreeTextKind;
  readonly start: number;
  readonly end: number;
}

interface Group {
  readonly digits: string;
  readonly start: number;
  readonly end: number;
  readonly sepBefore: string;
}
interface Run {
  readonly groups: Group[];
  readonly plus: boolean;
  readonly passportPrefix: boolean;
  readonly prefixStart: number;
}
interface Span {
  readonly kind: FreeTextKind;
  readonly start: number;
  readonly end: number;
}

const AT = String.raw`\s*(?:@|%40|[(\[{<]\s*(?:at|собака)\s*[)\]}>])\s*`;
const DOT = String.raw`(?:\.|\s*[(\[]\s*(?:dot|точка)\s*[)\]]\s*)`;
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?`;
const EMAIL = new RegExp(String.raw`(?<![\p{L}\p{N}._+-])[\p{L}\p{N}][\p{L}\p{N}._+-]*${AT}${LABEL}(?:${DOT}${LABEL})*${DOT}\p{L}{2,}(?![\p{L}\p{N}])`, 'giu');
// Digit groups joined by at most three separator characters (spaces, dashes, dots, slashes, brackets), with an optional + or N before.
const RUN = /(\+\s?|[NnНн][\s-]?)?\d+(?:[\s\u2010-\u2015\-./()_·]{1,3}\d+)*/gu;
const GROUP = /\d+/g;
const CURRENCY_AFTER = /^\s*(?:тг|тенге|теңге|тнг|₸|kzt|руб|р\.|\$|usd|долл|€|eur|евро|тыс|млн)/iu;
const CURRENCY_BEFORE = /(?:₸|\$|€|kzt|usd|eur)\s*$/iu;
// Prices run to hundreds of millions of tenge at most; longer runs are identifiers whatever follows them.
const MAX_PRICE_DIGITS = 9;
const digitCount = (s: string) => s.replace(/\D/g, '').length;
// Letters glued to digits make a code (tour, flight, order), except the words people write before their own numbers.
const CODE_BEFORE = /[A-Za-z][A-Za-z0-9]*[-_#/]?$/;
const NUMBER_WORD = /(?:^|[^A-Za-z])(?:iin|tel|ph|phone|id|no)[-_#/:]?$/i;
const CODE_AFTER = /^[A-Za-z]/;
const BOOKING_WORD = /(?:брон|заказ|рейс|билет|код|артикул|order|booking|flight|ticket)\S*\s*(?:no\.?|#|:)?\s*$/iu;

function groupsOf(match: string, offset: number, bodyStart: number): Group[] {
  const groups: Group[] = [];
  let prevEnd = bodyStart;
  for (const g of match.slice(bodyStart - offset).matchAll(GROUP)) {
    const start = bodyStart + g.index;
    groups.push({ digits: g[0], start, end: start + g[0].length, sepBefore: match.slice(prevEnd - offset, start - offset) });
    prevEnd = start + g[0].length;
  }
  return groups;
}

function validDayMonth(day: string, month: string): boolean {
  const d = Number(day);
  const m = Number(month);
  return d >= 1 && d <= 31 && m >= 1 && m <= 12;
}

// dd.mm.yyyy, dd/mm/yy, yyyy-mm-dd: three groups with the same one-character separator and a real day and month.
function isDate(a: Group, b: Group, c: Group): boolean {
  const sep = b.sepBefore;
  if (sep.length !== 1 || !'./-'.includes(sep) || c.sepBefore !== sep) return false;
  if (a.digits.length <= 2 && b.digits.length <= 2 && (c.digits.length === 4 || c.digits.length === 2)) return validDayMonth(a.digits, b.digits);
  return a.digits.length === 4 && b.digits.length <= 2 && c.digits.length <= 2 && validDayMonth(c.digits, b.digits);
}

/** The run split where dates sit: a date is never part of a number. */
function withoutDates(groups: Group[]): Group[][] {
  const parts: Group[][] = [[]];
  for (let i = 0; i < groups.length; i++) {
    if (i + 2 < groups.length && isDate(groups[i], groups[i + 1], groups[i + 2])) {
      parts.push([]);
      i += 2;
    } else parts[parts.length - 1].push(groups[i]);
  }
  return parts.filter((p) => p.length > 0);
}

// 1 500 000 / 210.000.000: thousands grouping ending in zeros is an amount.
function isAmount(gs: Group[]): boolean {
  return gs.length >= 2 && gs[0].digits.length <= 3 && gs.slice(1).every((g) => g.digits.length === 3) && gs[gs.length - 1].digits === '000';
}

function isYearList(gs: Group[]): boolean {
  return gs.length >= 2 && gs.every((g) => /^(?:19|20)\d\d$/.test(g.digits));
}

function kindOf(gs: Group[], plus: boolean, passportPrefix: boolean, bookingContext: boolean): FreeTextKind | null {
  const d = gs.map((g) => g.digits).join('');
  const lens = gs.map((g) => g.digits.length);
  const whole = gs.length === 1;
  if (passportPrefix && d.length === 8) return 'PASSPORT';
  if (plus) return d.length === 11 && d[0] === '7' ? 'PHONE' : null;
  if (isAmount(gs) || isYearList(gs)) return null;
  if (d.length === 12) return whole || lens.every((l) => l >= 3) || isValidIin(d) ? 'IIN' : null;
  if (d.length === 11) return (d[0] === '7' || d[0] === '8') && d[1] === '7' ? 'PHONE' : null;
  if (d.length === 10) return d[0] === '7' && (whole || lens[0] === 3) ? 'PHONE' : null;
  if (d.length === 9) return !bookingContext && (whole || lens.every((l) => l >= 3)) ? 'PASSPORT' : null;
  return null;
}

// Covers as many digits as possible with recognised numbers, each a whole number of consecutive groups.
function segment(gs: Group[], run: Run, bookingContext: boolean): Span[] {
  const best: { covered: number; spans: Span[] }[] = Array.from({ length: gs.length + 1 }, () => ({ covered: 0, spans: [] }));
  for (let i = gs.length - 1; i >= 0; i--) {
    best[i] = best[i + 1];
    for (let j = i + 1; j <= Math.min(gs.length, i + 8); j++) {
      const first = gs[i] === run.groups[0];
      const kind = kindOf(gs.slice(i, j), first && run.plus, first && run.passportPrefix, bookingContext);
      if (!kind) continue;
      const covered = gs.slice(i, j).reduce((n, g) => n + g.digits.length, 0) + best[j].covered;
      if (covered > best[i].covered)
        best[i] = { covered, spans: [{ kind, start: first && (run.plus || run.passportPrefix) ? run.prefixStart : gs[i].start, end: gs[j - 1].end }, ...best[j].spans] };
    }
  }
  return best[0].spans;
}

function numberSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(RUN)) {
    const prefix = m[1] ?? '';
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    // An N inside a word (IIN, TN) is not a passport prefix: the digits start the run.
    const wordN = prefix !== '' && prefix[0] !== '+' && /\p{L}$/u.test(before);
    const bodyStart = m.index + (wordN ? 0 : prefix.length);
    const groups = groupsOf(m[0], m.index, wordN ? m.index + prefix.length : bodyStart);
    const head = wordN ? text.slice(Math.max(0, m.index - 40), m.index + prefix.length) : before;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
    // A currency word makes a price only of a number a price can be: a 12-digit IIN before "тг" is still an IIN.
    if (digitCount(m[0]) <= MAX_PRICE_DIGITS && (CURRENCY_AFTER.test(after) || CURRENCY_BEFORE.test(head))) continue;
    const passportPrefix = prefix !== '' && prefix[0] !== '+' && !wordN;
    if (!passportPrefix && !prefix.startsWith('+') && CODE_BEFORE.test(head) && !NUMBER_WORD.test(head)) continue;
    if (CODE_AFTER.test(after)) continue;
    const run: Run = { groups, plus: prefix.startsWith('+'), passportPrefix, prefixStart: m.index };
    for (const part of withoutDates(groups)) spans.push(...segment(part, run, BOOKING_WORD.test(head)));
  }
  return spans;
}

/** Personal data written in free text, found after normalising it, as ranges of the original text, in order, never overlapping. */
export function findPersonalData(original: string): FreeTextFinding[] {
  const n = normaliseFreeText(original);
  const emails: Span[] = [...n.text.matchAll(EMAIL)].map((m) => ({ kind: 'EMAIL', start: m.index, end: m.index + m[0].length }));
  // Digits inside an address belong to the address.
  let rest = n.text;
  for (const e of emails) rest = rest.slice(0, e.start) + '\u0000'.repeat(e.end - e.start) + rest.slice(e.end);
  const spans = [...emails, ...numberSpans(rest)].sort((a, b) => a.start - b.start);
  const found: FreeTextFinding[] = [];
  for (const s of spans) {
    const start = n.start[s.start];
    const end = n.end[s.end - 1];
    const last = found[found.length - 1];
    if (last && start < last.end) continue;
    found.push({ kind: s.kind, start, end });
  }
  return found;
}
