/** Normalised text with, for each of its UTF-16 units, the original range it came from. */
export interface NormalisedText {
  readonly text: string;
  readonly start: readonly number[];
  readonly end: readonly number[];
}

const DECIMAL_DIGIT = /^\p{Nd}$/u;
// Format characters (zero-width spaces and joiners, soft hyphen, bidi marks) are invisible and split what a reader sees as one number.
const INVISIBLE = /^\p{Cf}$/u;

function isDecimal(cp: number): boolean {
  return DECIMAL_DIGIT.test(String.fromCodePoint(cp));
}

// Unicode lays out every set of decimal digits as 0..9 in consecutive code points, so the value is the distance from the run's start mod 10.
function digitValue(cp: number): number {
  let first = cp;
  while (isDecimal(first - 1)) first--;
  return (cp - first) % 10;
}

/** NFKC per character, invisible characters dropped, every Unicode decimal digit as its ASCII digit; offsets map back. */
export function normaliseFreeText(original: string): NormalisedText {
  let text = '';
  const start: number[] = [];
  const end: number[] = [];
  let i = 0;
  for (const ch of original) {
    const at = i;
    i += ch.length;
    if (INVISIBLE.test(ch)) continue;
    const cp = ch.codePointAt(0)!;
    const out = isDecimal(cp) ? String(digitValue(cp)) : ch.normalize('NFKC');
    for (let k = 0; k < out.length; k++) {
      text += out[k];
      start.push(at);
      end.push(i);
    }
  }
  return { text, start, end };
}
