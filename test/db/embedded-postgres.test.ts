import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { letPostgresPass } from '../../src/db/embedded-postgres.js';

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

describe('letPostgresPass: the postgres user must reach the binaries and data of a private checkout', () => {
  it('adds o+x to each folder on the way that lacks it, and nothing else', () => {
    const checkout = mkdtempSync(join(tmpdir(), 'qaz-private-'));
    made.push(checkout);
    const data = join(checkout, '.data');
    mkdirSync(data, { mode: 0o755 });
    expect(statSync(checkout).mode & 0o777).toBe(0o700);
    const said: string[] = [];
    letPostgresPass(data, (m) => said.push(m));
    expect(statSync(checkout).mode & 0o777).toBe(0o701);
    expect(statSync(data).mode & 0o777).toBe(0o755);
    expect(said).toEqual([`embedded Postgres: the user postgres may now pass through ${checkout} (o+x; nothing in it is made readable)`]);
    letPostgresPass(data, (m) => said.push(m));
    expect(said).toHaveLength(1);
  });
});
