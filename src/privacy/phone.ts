// Trunk prefix +7, 8 or 7 (or none), then the 10-digit national number of a Kazakh mobile: 7xx.
const NATIONAL = /^(?:\+7|8|7)?(7\d{9})$/;

/** A Kazakh mobile number as +77xxxxxxxxx, or null; spaces, dashes and parentheses are ignored. */
export function normalizeKzPhone(input: string): string | null {
  if (!/^[\d\s()+-]+$/.test(input)) return null;
  const m = NATIONAL.exec(input.replace(/[\s()-]/g, ''));
  return m ? `+7${m[1]}` : null;
}
