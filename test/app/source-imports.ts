import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = new URL('../../src', import.meta.url).pathname;
/** Shared floors, lowest first: they serve every feature and know none, and each imports only the floors listed before it. */
export const FLOORS = ['cache', 'config', 'i18n', 'db', 'observability', 'privacy', 'access', 'shared-state', 'graphql', 'http'];
export const SHARED = new Set(FLOORS);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** Every relative import between two files of src/, as paths from src/ (`users/me.type.ts`). */
export function sourceImports(): { from: string; to: string }[] {
  return files(SRC).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)'/g)]
      .map((m) => ({ from: relative(SRC, file), to: relative(SRC, resolve(dirname(file), m[1])).replace(/\.js$/, '.ts') }))
      .filter((i) => !i.to.startsWith('..')),
  );
}

/** The folder of src/ a path lies in; a file directly in src/ (gateway.ts) stands for itself. */
export const folderOf = (path: string): string => path.split('/')[0];

/** The folders of src/ that import one another in a cycle, each cycle sorted. */
export function folderCycles(): string[][] {
  const next = new Map<string, Set<string>>();
  for (const { from, to } of sourceImports()) {
    const [a, b] = [folderOf(from), folderOf(to)];
    if (a !== b) next.set(a, (next.get(a) ?? new Set()).add(b));
  }
  const reach = (start: string): Set<string> => {
    const seen = new Set<string>();
    const todo = [start];
    while (todo.length)
      for (const n of next.get(todo.pop()!) ?? [])
        if (!seen.has(n)) {
          seen.add(n);
          todo.push(n);
        }
    return seen;
  };
  const reached = new Map([...next.keys()].map((f) => [f, reach(f)]));
  // Two folders are in one cycle when each reaches the other.
  const cycles = [...reached].filter(([f, r]) => r.has(f)).map(([f, r]) => [...r].filter((g) => reached.get(g)?.has(f)).sort());
  return [...new Map(cycles.map((c) => [c.join(), c])).values()].sort();
}
