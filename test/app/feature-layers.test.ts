import { describe, expect, it } from '@jest/globals';
import { folderOf, SHARED, sourceImports } from './source-imports.js';

/** The folders of src/ that import one another in a cycle, each cycle sorted, among the folders `counted` keeps. */
export function folderCycles(counted: (folder: string) => boolean): string[][] {
  const next = new Map<string, Set<string>>();
  for (const { from, to } of sourceImports()) {
    const [a, b] = [folderOf(from), folderOf(to)];
    if (a !== b && counted(a) && counted(b)) next.set(a, (next.get(a) ?? new Set()).add(b));
  }
  const reach = (start: string): Set<string> => {
    const seen = new Set<string>();
    const todo = [start];
    while (todo.length) for (const n of next.get(todo.pop()!) ?? []) if (!seen.has(n)) { seen.add(n); todo.push(n); }
    return seen;
  };
  const reached = new Map([...next.keys()].map((f) => [f, reach(f)]));
  // Two folders are in one cycle when each reaches the other.
  const cycles = [...reached].filter(([f, r]) => r.has(f)).map(([f, r]) => [...r].filter((g) => reached.get(g)?.has(f)).sort());
  return [...new Map(cycles.map((c) => [c.join(), c])).values()].sort();
}

describe('feature layers', () => {
  // The shared floors still import one another in a cycle; once they do not, check every folder: folderCycles(() => true).
  it('no folder-level import cycle among the feature folders', () => {
    expect(folderCycles((folder) => !SHARED.has(folder))).toEqual([]);
  });
});
