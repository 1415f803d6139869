const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether a string may be bound to a uuid parameter: anything else would fail the statement instead of matching no row. */
export function isUuid(s: string): boolean {
  return UUID.test(s);
}
