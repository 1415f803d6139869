const WEIGHTS_FIRST = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const WEIGHTS_SECOND = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

function weightedMod11(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < 11; i++) sum += (digits.charCodeAt(i) - 48) * weights[i];
  return sum % 11;
}

/** The IIN check digit for 11 digits, or null when no check digit exists (such a number is never issued). */
export function iinCheckDigit(first11: string): number | null {
  if (!/^\d{11}$/.test(first11)) return null;
  const c = weightedMod11(first11, WEIGHTS_FIRST);
  if (c !== 10) return c;
  const c2 = weightedMod11(first11, WEIGHTS_SECOND);
  return c2 === 10 ? null : c2;
}

/** Checksum only: since 2013 the digits need not match the person's birth date or sex, so those are never checked. */
export function isValidIin(s: string): boolean {
  if (!/^\d{12}$/.test(s)) return false;
  return iinCheckDigit(s.slice(0, 11)) === s.charCodeAt(11) - 48;
}
