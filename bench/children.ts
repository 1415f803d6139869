import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';

export interface Child { name: string; url: string; pid: number; stop(): Promise<void> }

const READY = /ready: (http:\/\/127\.0\.0\.1:\d+)/;
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

/** Starts `node [nodeArgs] script` from the repository root; resolves once it prints "ready: <url>". Output goes to <logDir>/<name>.log. */
export function startChild(name: string, script: string, env: Record<string, string | undefined>, logDir: string, nodeArgs: string[] = []): Promise<Child> {
  const p = spawn(process.execPath, [...nodeArgs, '--import', '@swc-node/register/esm-register', script], {
    cwd: new URL('..', import.meta.url).pathname, env, stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(p);
  const log = createWriteStream(join(logDir, `${name}.log`));
  p.stdout!.pipe(log);
  p.stderr!.pipe(log);
  return new Promise((resolve, reject) => {
    let seen = '';
    const fail = (why: string) => { clearTimeout(timer); void terminate(p); reject(new Error(`${name} did not start (${why}); see ${join(logDir, `${name}.log`)}`)); };
    const timer = setTimeout(() => fail('timeout'), START_TIMEOUT_MS);
    p.once('exit', (code) => fail(`exit ${code}`));
    p.stdout!.on('data', function ready(chunk: Buffer) {
      seen = (seen + chunk.toString()).slice(-4096);
      const m = READY.exec(seen);
      if (!m) return;
      clearTimeout(timer);
      p.removeAllListeners('exit');
      p.stdout!.off('data', ready);
      resolve({ name, url: m[1], pid: p.pid!, stop: () => terminate(p) });
    });
  });
}

/** Ends every child still running: on success, on error and on Ctrl-C. */
export async function stopAllChildren(): Promise<void> {
  await Promise.all([...running].map((p) => terminate(p)));
}
