import { describe, expect, it } from '@jest/globals';
import { folderOf, SHARED, sourceImports } from './source-imports.js';

function upwardImports(): string[] {
  const found = sourceImports().filter(({ from, to }) => SHARED.has(folderOf(from)) && !SHARED.has(folderOf(to)));
  return [...new Set(found.map(({ from, to }) => `${from} -> ${to}`))].sort();
}

describe('layers', () => {
  it('shared folders import no feature (features export modules; src/app composes them)', () => {
    expect(upwardImports()).toEqual([]);
  });
});
