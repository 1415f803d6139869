import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { waitFor } from '../support/faults.js';
import { freshProductionKeys } from '../support/production-keys.js';
import { PRODUCTION_SMS } from '../support/production-sms.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const NODE = `${ROOT}node_modules/.bin/node`;
// The build of this file's own, inside the checkout (so node_modules and package.json resolve as from dist/): files running at
// the same time, or a build in dist/, never overwrite what another one runs.
mkdirSync(`${ROOT}.data/test`, { recursive: true });
const OUT = mkdtempSync(`${ROOT}.data/test/build-`);
const run = promisify(execFile);
const FRESH_DB = `qaz_fresh_${process.pid}`;
const PRODUCTION = {
  NODE_ENV: 'production',
  PORT: '0',
  LOG_LEVEL: 'info',
  ...freshProductionKeys(),
  ...PRODUCTION_SMS,
};

function dbUrl(name: string): string {
  const u = new URL(process.env.DATABASE_URL!);
  u.pathname = `/${name}`;
  return u.toString();
}

async function onServer(query: string): Promise<void> {
  const c = new pg.Client({ connectionString: dbUrl('postgres') });
  await c.connect();
  try {
    await c.query(query);
  } finally {
    await c.end();
  }
}

/** The compiled gateway as production starts it; resolves with its output once it is ready or has exited. */
function startCompiled(database: string) {
  let out = '';
  const proc = spawn(NODE, [`${OUT}/src/main.js`], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: '', ...PRODUCTION, DATABASE_URL: dbUrl(database) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout.on('data', (d) => {
    out += String(d);
  });
  proc.stderr.on('data', (d) => {
    out += String(d);
  });
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  return { proc, exited, output: () => out };
}

beforeAll(async () => {
  // The build a production image runs: tsc emits dist/ (here OUT) with the decorator metadata type-graphql and MikroORM read.
  await run(`${ROOT}node_modules/.bin/tsc`, ['-p', 'tsconfig.build.json', '--outDir', OUT], { cwd: ROOT });
  await onServer(`drop database if exists ${FRESH_DB} with (force)`);
  await onServer(`create database ${FRESH_DB}`);
}, 600_000);
afterAll(async () => {
  await onServer(`drop database if exists ${FRESH_DB} with (force)`);
  rmSync(OUT, { recursive: true, force: true });
});

describe('the production build', () => {
  it('refuses a database that needs migrating, and exits 1', async () => {
    const g = startCompiled(FRESH_DB);
    expect(await g.exited).toBe(1);
    expect(g.output()).toMatch(/the database needs migrating \(\d+ pending/);
  }, 60_000);

  it('migrates as its own step, then starts the compiled code and serves GraphQL', async () => {
    const migrated = await run(NODE, [`${OUT}/src/cli/migrate.js`], { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: '', ...PRODUCTION, DATABASE_URL: dbUrl(FRESH_DB) } });
    expect(migrated.stdout).toMatch(/migrations applied: [1-9]\d*/);
    const g = startCompiled(FRESH_DB);
    try {
      const url = await waitFor('the ready line', async () => /gateway ready: (http:[^ ]+)\/graphql/.exec(g.output())?.[1], 60_000);
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ tours(first: 1) { nodes { id title } } }' }),
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ data: { tours: { nodes: [] } } });
      g.proc.kill('SIGTERM');
      expect(await g.exited).toBe(0);
    } finally {
      g.proc.kill('SIGKILL');
    }
  }, 120_000);
});
