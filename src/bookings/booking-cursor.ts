import { isUuid } from '../graphql/cursor.js';
import { BadInputError } from '../graphql/errors.js';

export interface BookingCursor { micros: string; id: string }

export function encodeBookingCursor(c: BookingCursor): string {
  return Buffer.from(`${c.micros}|${c.id}`).toString('base64url');
}

/** Opaque keyset cursor over (created_at, id); anything we did not issue is refused as bad input. */
export function decodeBookingCursor(raw: string): BookingCursor {
  const [micros, id, extra] = Buffer.from(raw, 'base64url').toString('utf8').split('|');
  if (extra !== undefined || !/^\d{1,18}$/.test(micros ?? '') || !isUuid(id ?? '')) throw new BadInputError('Malformed cursor', 'after');
  return { micros, id };
}
