import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { RunningGateway } from '../../src/gateway.js';
import { startTestGateway } from '../support/gateway.js';
import { post, waitFor } from '../support/faults.js';
import { freePorts } from '../support/free-port.js';

// A throwaway primary and a real streaming replica made with the machine's Postgres binaries, on ports of their own.
const BIN = existsSync('/usr/lib/postgresql')
  ? readdirSync('/usr/lib/postgresql')
      .map((v) => `/usr/lib/postgresql/${v}/bin`)
      .filter((b) => existsSync(`${b}/pg_basebackup`))
      .sort()
      .pop()
  : undefined;
let primaryPort: number;
let replicaPort: number;
const base = mkdtempSync(join(tmpdir(), 'qaz-replica-'));
const primaryDir = join(base, 'primary');
const replicaDir = join(base, 'replica');
const url = (port: number) => `postgresql://postgres@127.0.0.1:${port}/postgres`;
let gw: RunningGateway | undefined;

// Postgres refuses to run as root: as root, each binary runs as the user postgres.
function pgTool(tool: string, args: string[]): void {
  const [cmd, argv] = userInfo().uid === 0 ? ['runuser', ['-u', 'postgres', '--', `${BIN}/${tool}`, ...args]] : [`${BIN}/${tool}`, args];
  execFileSync(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
}

const serverOptions = (port: number, dir: string) => `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir}`;

async function backendsRunning(port: number, like: string): Promise<number> {
  const c = new pg.Client({ connectionString: url(port) });
  await c.connect();
  try {
    const { rows } = await c.query(`select count(*)::int as n from pg_stat_activity where application_name = 'qaztracker-gateway' and query like $1`, [like]);
    return rows[0].n;
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  if (!BIN) return;
  [primaryPort, replicaPort] = await freePorts(2);
  if (userInfo().uid === 0) execFileSync('chown', ['postgres:postgres', base]);
  pgTool('initdb', ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
  pgTool('pg_ctl', ['-D', primaryDir, '-l', join(base, 'primary.log'), '-w', '-o', `${serverOptions(primaryPort, primaryDir)} -c wal_level=replica`, 'start']);
  pgTool('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', replicaDir, '-R', '-X', 'stream']);
  pgTool('pg_ctl', ['-D', replicaDir, '-l', join(base, 'replica.log'), '-w', '-o', `${serverOptions(replicaPort, replicaDir)} -c hot_standby=on`, 'start']);
  gw = await startTestGateway({ DATABASE_URL: url(primaryPort), DATABASE_REPLICA_URLS: url(replicaPort) });
}, 120_000);

afterAll(async () => {
  await gw?.close();
  for (const dir of [replicaDir, primaryDir]) if (existsSync(join(dir, 'postmaster.pid'))) pgTool('pg_ctl', ['-D', dir, '-m', 'immediate', 'stop']);
  rmSync(base, { recursive: true, force: true });
});

const LISTING = '%from tours t%where t.status = %';

(BIN ? describe : describe.skip)('read replicas (DATABASE_REPLICA_URLS)', () => {
  it('serve the public tour listing from the streaming replica, not the primary', async () => {
    // The schema the gateway migrated on the primary reaches the replica by streaming.
    const replica = new pg.Client({ connectionString: url(replicaPort) });
    await replica.connect();
    try {
      expect((await replica.query('select pg_is_in_recovery() as r')).rows[0].r).toBe(true);
      await waitFor('the schema on the replica', async () => (await replica.query(`select to_regclass('tours') as t`)).rows[0].t);
    } finally {
      await replica.end();
    }
    const a = await post(gw!.url);
    expect(a.status).toBe(200);
    expect(a.body.data.tours.nodes).toEqual([]);
    expect(await backendsRunning(replicaPort, LISTING)).toBe(1);
    expect(await backendsRunning(primaryPort, LISTING)).toBe(0);
  });

  it('fall back to the primary while the replica is away', async () => {
    pgTool('pg_ctl', ['-D', replicaDir, '-m', 'fast', '-w', 'stop']);
    const a = await post(gw!.url);
    expect(a.status).toBe(200);
    expect(await backendsRunning(primaryPort, LISTING)).toBe(1);
  });
});

if (!BIN) console.warn('read-replica test skipped: no Postgres binaries with pg_basebackup under /usr/lib/postgresql');
