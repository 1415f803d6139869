// Ids that sort before and after every uuid a row can have (random ids are never all zeros or all ones).
const FIRST_ID = '00000000-0000-0000-0000-000000000000';
const LAST_ID = 'ffffffff-ffff-ffff-ffff-ffffffffffff';

/**
 * Rows after a keyset position: `(key, id)` past `(positionKey, positionId)` in the page's order, where a null position is the
 * first page. One row comparison with no `is null or`, so that a generic plan starts its index scan at the position (an index
 * on the key alone takes it as a bound) instead of reading and filtering every earlier row. The key must be a date or a time.
 */
export function keysetAfter(order: 'asc' | 'desc', column: { key: string; id: string }, position: { key: string; id: string }): string {
  const [op, edge, edgeId] = order === 'asc' ? ['>', '-infinity', FIRST_ID] : ['<', 'infinity', LAST_ID];
  return `(${column.key}, ${column.id}) ${op} (coalesce(${position.key}, '${edge}'), coalesce(${position.id}::uuid, '${edgeId}'))`;
}

/** A keyset position's time sent as a UTC timestamp without zone ($n). */
export const utcTime = (param: string) => `${param}::timestamp at time zone 'UTC'`;

/** A keyset position's time sent as microseconds since the epoch ($n), exact where a JS Date is not. */
export const microsTime = (param: string) => `timestamptz 'epoch' + ${param}::bigint * interval '1 microsecond'`;
