import { BadInputError } from './errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface DateIdCursor { date: string; id: string }

export function encodeCursor(c: DateIdCursor): string {
  return Buffer.from(`${c.date}|${c.id}`).toString('base64url');
}

/** Opaque keyset cursor; anything we did not issue is refused as bad input. */
export function decodeCursor(raw: string): DateIdCursor {
  const [date, id, extra] = Buffer.from(raw, 'base64url').toString('utf8').split('|');
  if (extra !== undefined || !DATE.test(date ?? '') || !UUID.test(id ?? '')) throw new BadInputError('Malformed cursor', 'after');
  return { date, id };
}

export function isUuid(s: string): boolean {
  return UUID.test(s);
}
