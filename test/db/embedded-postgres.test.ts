import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { reachableDataDir } from '../../src/db/embedded-postgres.js';

const made: string[] = [];
afterAll(() => { for (const d of made) rmSync(d, { recursive: true, force: true }); });

const enterable = (dir: string) => {
  for (let d = resolve(dir); d !== dirname(d); d = dirname(d)) if (!(statSync(d).mode & 0o001)) return false;
  return true;
};

describe('reachableDataDir: where embedded Postgres keeps its data', () => {
  it('keeps a folder every user can reach', () => {
    const open = join(tmpdir(), `qaz-open-${process.pid}`);
    made.push(open);
    expect(reachableDataDir(open, () => {})).toBe(open);
  });

  it('as root, moves the data of a private checkout (mktemp -d is 0700) to a reachable folder named after it', () => {
    const closed = mkdtempSync(join(tmpdir(), 'qaz-closed-'));
    made.push(closed);
    const dataDir = join(closed, '.data');
    const said: string[] = [];
    const dir = reachableDataDir(dataDir, (m) => said.push(m));
    if (userInfo().uid !== 0) {
      expect(dir).toBe(dataDir);
      return;
    }
    made.push(dir);
    expect(dir.startsWith(join(tmpdir(), 'qaztracker-embedded'))).toBe(true);
    expect(enterable(dir)).toBe(true);
    expect(reachableDataDir(dataDir, () => {})).toBe(dir);
    expect(said).toEqual([`embedded Postgres: the user postgres cannot enter ${closed}; its data is in ${dir}`]);
  });
});
