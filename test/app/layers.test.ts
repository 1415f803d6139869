import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = new URL('../../src', import.meta.url).pathname;
// Shared floors, lowest first: they serve every feature and know none, and each imports only the floors listed before it.
const FLOORS = ['cache', 'config', 'i18n', 'db', 'observability', 'privacy', 'access', 'shared-state', 'graphql', 'http'];
const SHARED = new Set(FLOORS);

interface Import { from: string; target: string; fromFolder: string; toFolder: string }

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

// Relative imports of the shared folders' files, as paths under src/.
function sharedImports(): Import[] {
  const found: Import[] = [];
  for (const file of files(SRC)) {
    const from = relative(SRC, file);
    const fromFolder = from.split('/')[0];
    if (!SHARED.has(fromFolder)) continue;
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)'/g)) {
      const target = relative(SRC, resolve(dirname(file), m[1])).replace(/\.js$/, '.ts');
      if (!target.startsWith('..')) found.push({ from, target, fromFolder, toFolder: target.split('/')[0] });
    }
  }
  return found;
}

const named = (found: Import[]) => [...new Set(found.map((i) => `${i.from} -> ${i.target}`))].sort();

/** Shared folder -> the other shared folders its files import. */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map(FLOORS.map((f) => [f, new Set<string>()]));
  for (const i of sharedImports()) if (SHARED.has(i.toFolder) && i.toFolder !== i.fromFolder) graph.get(i.fromFolder)!.add(i.toFolder);
  return graph;
}

/** A folder-level cycle as the path that closes it (a -> b -> a), or [] when there is none. */
function cycleIn(graph: Map<string, Set<string>>): string[] {
  const done = new Set<string>();
  const visit = (folder: string, path: string[]): string[] => {
    if (path.includes(folder)) return [...path.slice(path.indexOf(folder)), folder];
    if (done.has(folder)) return [];
    for (const next of graph.get(folder)!) {
      const cycle = visit(next, [...path, folder]);
      if (cycle.length) return cycle;
    }
    done.add(folder);
    return [];
  };
  for (const folder of graph.keys()) {
    const cycle = visit(folder, []);
    if (cycle.length) return cycle;
  }
  return [];
}

describe('layers', () => {
  it('shared folders import no feature (features export modules; src/app composes them)', () => {
    expect(named(sharedImports().filter((i) => !SHARED.has(i.toFolder)))).toEqual([]);
  });

  it('shared folders form no folder-level import cycle', () => {
    expect(cycleIn(folderGraph()).join(' -> ')).toBe('');
  });

  it(`each shared floor imports only floors below it: ${FLOORS.join(' < ')}`, () => {
    const below = (i: Import) => FLOORS.indexOf(i.toFolder) < FLOORS.indexOf(i.fromFolder);
    expect(named(sharedImports().filter((i) => SHARED.has(i.toFolder) && i.toFolder !== i.fromFolder && !below(i)))).toEqual([]);
  });
});
