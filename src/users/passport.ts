// Accepted: the passport (N + 8 digits) and the 9-digit identity card number, the two documents a citizen may book with.
const PASSPORT = /^(?:N\d{8}|\d{9})$/;

/** Upper case, without spaces: the form stored, masked and blind-indexed. */
export function normalizePassport(s: string): string {
  return s.replace(/\s+/g, '').toUpperCase();
}

export function isValidPassport(s: string): boolean {
  return PASSPORT.test(s);
}
