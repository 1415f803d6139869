import { isUuid } from '../db/uuid.js';
import { BadInputError } from './errors.js';

// Features take isUuid here with the cursor helpers; the check itself is the database's.
export { isUuid };

/** Sort keys the keyset cursors carry before the row id. */
export const DATE_KEY = /^\d{4}-\d{2}-\d{2}$/;
export const MICROS_KEY = /^\d{1,18}$/;
export const TIMESTAMP_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/;

/** SQL for a timestamptz column as a TIMESTAMP_KEY: UTC, to the microsecond (a JS Date would round it and skip or repeat rows). */
export function timestampKeySql(column: string): string {
  return `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;
}

/** A keyset position: the row's sort key, then its id to break ties. */
export interface KeyCursor {
  key: string;
  id: string;
}

export function encodeCursor(key: string, id: string): string {
  return Buffer.from(`${key}|${id}`).toString('base64url');
}

/** Opaque keyset cursor; anything we did not issue is refused as bad input. */
export function decodeCursor(raw: string, keyPattern: RegExp): KeyCursor {
  const [key, id, extra] = Buffer.from(raw, 'base64url').toString('utf8').split('|');
  if (extra !== undefined || !keyPattern.test(key ?? '') || !isUuid(id ?? '')) throw new BadInputError('Malformed cursor', 'after');
  return { key, id };
}

/** A page of rows fetched with one extra: the extra row only tells that another page follows; the cursor is the last row's. */
export function keysetPage<T>(rows: readonly T[], size: number, cursorOf: (row: T) => KeyCursor): { nodes: T[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } {
  const nodes = rows.slice(0, size);
  const last = nodes.at(-1);
  const end = last === undefined ? null : cursorOf(last);
  return { nodes, pageInfo: { hasNextPage: rows.length > size, endCursor: end && encodeCursor(end.key, end.id) } };
}
