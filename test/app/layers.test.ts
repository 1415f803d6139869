import { describe, expect, it } from '@jest/globals';
import { FLOORS, folderCycles, folderOf, SHARED, sourceImports } from './source-imports.js';

const named = (found: { from: string; to: string }[]) => [...new Set(found.map(({ from, to }) => `${from} -> ${to}`))].sort();
const shared = () => sourceImports().filter(({ from }) => SHARED.has(folderOf(from)));

describe('layers', () => {
  it('shared folders import no feature (features export modules; src/app composes them)', () => {
    expect(named(shared().filter(({ to }) => !SHARED.has(folderOf(to))))).toEqual([]);
  });

  it(`each shared floor imports only floors below it: ${FLOORS.join(' < ')}`, () => {
    const upward = ({ from, to }: { from: string; to: string }) => FLOORS.indexOf(folderOf(to)) > FLOORS.indexOf(folderOf(from));
    expect(named(shared().filter(upward))).toEqual([]);
  });

  it('no folder of src/ is in an import cycle', () => {
    expect(folderCycles()).toEqual([]);
  });
});
