import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';

export interface Child {
  name: string;
  url: string;
  pid: number;
  inspector: string | null;
  stop(): Promise<void>;
}

const READY = /ready: (http:\/\/127\.0\.0\.1:\d+)/;
const INSPECTOR = /Debugger listening on (ws:\/\/127\.0\.0\.1:\S+)/;
const START_TIMEOUT_MS = 90_000;
const STOP_GRACE_MS = 10_000;
const running = new Set<ChildProcess>();

function exited(p: ChildProcess): Promise<void> {
  return p.exitCode !== null || p.signalCode !== null ? Promise.resolve() : new Promise((r) => p.once('exit', () => r()));
}

async function terminate(p: ChildProcess): Promise<void> {
  if (p.exitCode === null && p.signalCode === null) {
    p.kill('SIGTERM');
    const timer = setTimeout(() => p.kill('SIGKILL'), STOP_GRACE_MS);
    await exited(p);
    clearTimeout(timer);
  }
  running.delete(p);
}

/** The application_name of the child's Postgres connections, so that their backends can be told apart. */
export const appName = (name: string) => `bench-${name}`;

/** Starts `node [nodeArgs] script` from the repository root; resolves once it prints "ready: <url>". Output goes to <logDir>/<name>.log. */
export function startChild(name: string, script: string, env: Record<string, string | undefined>, logDir: string, nodeArgs: string[] = []): Promise<Child> {
  const p = spawn(process.execPath, [...nodeArgs, '--import', '@swc-node/register/esm-register', script], {
    cwd: new URL('..', import.meta.url).pathname,
    env: { ...env, PGAPPNAME: appName(name) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(p);
  const log = createWriteStream(join(logDir, `${name}.log`));
  p.stdout.pipe(log);
  p.stderr.pipe(log);
  return new Promise((resolve, reject) => {
    let seen = '';
    let inspector: string | null = null;
    p.stderr.on('data', function listening(chunk: Buffer) {
      const m = INSPECTOR.exec(chunk.toString());
      if (m) {
        inspector = m[1];
        p.stderr.off('data', listening);
      }
    });
    const fail = (why: string) => {
      clearTimeout(timer);
      void terminate(p);
      reject(new Error(`${name} did not start (${why}); see ${join(logDir, `${name}.log`)}`));
    };
    const timer = setTimeout(() => fail('timeout'), START_TIMEOUT_MS);
    p.once('exit', (code) => fail(`exit ${code}`));
    p.stdout.on('data', function ready(chunk: Buffer) {
      seen = (seen + chunk.toString()).slice(-4096);
      const m = READY.exec(seen);
      if (!m) return;
      clearTimeout(timer);
      p.removeAllListeners('exit');
      p.stdout.off('data', ready);
      resolve({ name, url: m[1], pid: p.pid!, inspector, stop: () => terminate(p) });
    });
  });
}

/** Ends every child still running: on success, on error and on Ctrl-C. */
export async function stopAllChildren(): Promise<void> {
  await Promise.all([...running].map((p) => terminate(p)));
}
