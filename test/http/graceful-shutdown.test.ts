import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { gatewayBackends, lockTable, post, waitFor, type Answer } from '../support/faults.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const DB = process.env.DATABASE_URL!;
const watcher = new pg.Client({ connectionString: DB });
beforeAll(async () => {
  await watcher.connect();
});
afterAll(async () => {
  await watcher.end();
});

interface Child {
  proc: ChildProcess;
  url: string;
  port: number;
  stdout: () => string;
  exited: Promise<number | null>;
}

async function startChild(env: Record<string, string>): Promise<Child> {
  let out = '';
  const proc = spawn(`${ROOT}node_modules/.bin/node`, ['--import', '@swc-node/register/esm-register', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: '', NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'info', QAZ_DATA_DIR: `${ROOT}.data/test`, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  proc.stdout.on('data', (d) => {
    out += String(d);
  });
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const url = await waitFor('the ready line', async () => /gateway ready: (http:[^ ]+)\/graphql/.exec(out)?.[1], 30_000);
  return { proc, url, port: Number(new URL(url).port), stdout: () => out, exited };
}

function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'ECONNREFUSED'));
  });
}

// Eight requests are held in flight by a table lock, so that SIGTERM surely arrives while they run.
async function eightInFlight(child: Child): Promise<Promise<Answer>[]> {
  const inFlight = Array.from({ length: 8 }, () => post(child.url));
  await waitFor('eight blocked requests', async () => (await gatewayBackends(watcher, true)).length === 8);
  return inFlight;
}

describe('SIGTERM', () => {
  it('refuses new connections, lets 8 requests in flight finish, then exits 0', async () => {
    const child = await startChild({ DB_LOCK_TIMEOUT_MS: '0', DB_STATEMENT_TIMEOUT_MS: '30000', REQUEST_DEADLINE_MS: '30000' });
    const lock = await lockTable(DB, 'tours');
    try {
      const inFlight = await eightInFlight(child);
      child.proc.kill('SIGTERM');
      await waitFor('draining', async () => child.stdout().includes('shutting down'));
      expect(await connectionRefused(child.port)).toBe(true);
      expect(child.proc.exitCode).toBeNull();
      await lock.release();
      const answers = await Promise.all(inFlight);
      for (const a of answers) {
        expect(a.status).toBe(200);
        expect(a.body.data.tours.nodes).toHaveLength(1);
      }
      expect(await child.exited).toBe(0);
    } finally {
      await lock.release().catch(() => {});
    }
  }, 60_000);

  it('cuts requests still in flight when the grace period is over, and exits 0', async () => {
    const child = await startChild({ DB_LOCK_TIMEOUT_MS: '0', DB_STATEMENT_TIMEOUT_MS: '30000', REQUEST_DEADLINE_MS: '30000', SHUTDOWN_GRACE_MS: '500' });
    const lock = await lockTable(DB, 'tours');
    try {
      const settled = Promise.allSettled(await eightInFlight(child));
      const t0 = Date.now();
      child.proc.kill('SIGTERM');
      expect(await child.exited).toBe(0);
      expect(Date.now() - t0).toBeLessThan(5000);
      expect((await settled).every((s) => s.status === 'rejected')).toBe(true);
      expect(child.stdout()).toContain('grace period over');
    } finally {
      await lock.release();
    }
  }, 60_000);
});
