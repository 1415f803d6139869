import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = new URL('../../src', import.meta.url).pathname;
// Shared floors: they serve every feature and know none.
const SHARED = new Set(['graphql', 'db', 'privacy', 'access', 'config', 'http', 'observability', 'i18n', 'shared-state']);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

function upwardImports(): string[] {
  const found: string[] = [];
  for (const file of files(SRC)) {
    const from = relative(SRC, file);
    const floor = from.split('/')[0];
    if (!SHARED.has(floor)) continue;
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)'/g)) {
      const target = relative(SRC, resolve(dirname(file), m[1])).replace(/\.js$/, '.ts');
      const to = target.split('/')[0];
      if (target.startsWith('..') || SHARED.has(to)) continue;
      found.push(`${from} -> ${target}`);
    }
  }
  return [...new Set(found)].sort();
}

describe('layers', () => {
  it('shared folders import no feature (features export modules; src/app composes them)', () => {
    expect(upwardImports()).toEqual([]);
  });
});
