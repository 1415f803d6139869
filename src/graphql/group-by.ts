/** Orders rows to match DataLoader keys: one entry per key, null where absent. */
export function byKey<T>(keys: readonly string[], rows: T[], key: (r: T) => string): (T | null)[] {
  const map = new Map<string, T>();
  for (const r of rows) map.set(key(r), r);
  return keys.map((k) => map.get(k) ?? null);
}

/** Groups rows under DataLoader keys: one list per key, empty where absent. */
export function groupByKey<T>(keys: readonly string[], rows: T[], key: (r: T) => string): T[][] {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = map.get(k);
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  return keys.map((k) => map.get(k) ?? []);
}
