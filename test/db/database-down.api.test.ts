import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { startEmbeddedPostgres, type EmbeddedDb } from '../../src/db/embedded-postgres.js';
import { post, waitFor } from '../support/faults.js';
import { freePort } from '../support/free-port.js';

const ROOT = new URL('../..', import.meta.url).pathname;
// A throwaway cluster on a port of its own: the machine's shared server is never stopped.
let pgPort: number;
const dir = mkdtempSync(join(tmpdir(), 'qaz-down-'));
let child: ChildProcess | undefined;
let cluster: EmbeddedDb | undefined;
let stdout = '';
let stderr = '';

afterAll(async () => {
  child?.kill('SIGKILL');
  await cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const readyz = (url: string) => fetch(`${url}/readyz`).then((r) => r.status);

describe('a gateway whose database is away', () => {
  it('stays up with /readyz 503 until the database starts, answers 503 while it is down again, and recovers', async () => {
    pgPort = await freePort();
    child = spawn(`${ROOT}node_modules/.bin/node`, ['--import', '@swc-node/register/esm-register', 'src/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        NODE_ENV: 'test',
        PORT: '0',
        LOG_LEVEL: 'info',
        QAZ_DATA_DIR: `${ROOT}.data/test`,
        DATABASE_URL: `postgresql://postgres:embedded-local-only@127.0.0.1:${pgPort}/postgres`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d) => {
      stdout += String(d);
    });
    child.stderr!.on('data', (d) => {
      stderr += String(d);
    });
    const url = await waitFor('the listening line', async () => /"url":"(http:[^"]+)\/graphql"/.exec(stdout)?.[1], 20_000);

    for (let i = 0; i < 3; i++) {
      expect(await readyz(url)).toBe(503);
      await new Promise((r) => setTimeout(r, 500));
    }
    const early = await post(url);
    expect(early.status).toBe(503);
    expect(early.body.errors[0].extensions.code).toBe('UNAVAILABLE');
    expect(child.exitCode).toBeNull();
    expect(stdout).toContain('database unavailable');

    cluster = await startEmbeddedPostgres(dir, pgPort, () => {});
    await waitFor('readiness', async () => (await readyz(url)) === 200, 60_000);
    expect((await post(url)).status).toBe(200);

    await cluster.stop();
    const down = await post(url);
    expect(down.status).toBe(503);
    expect(down.retryAfter).toMatch(/^\d+$/);
    expect(down.body.errors[0].extensions.code).toBe('UNAVAILABLE');
    expect(await readyz(url)).toBe(503);

    cluster = await startEmbeddedPostgres(dir, pgPort, () => {});
    await waitFor('recovery', async () => (await post(url)).status === 200, 30_000);
    expect(await readyz(url)).toBe(200);

    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
  }, 120_000);
});
