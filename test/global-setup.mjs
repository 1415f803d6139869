// Prepares the run's seeded template database: the machine's Postgres when DATABASE_URL is set, else an embedded Postgres
// under .data/test. Each test file then works on a clone of it (test/database-environment.mjs).
import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { freePort } from './support/free-port.ts';

const ROOT = new URL('..', import.meta.url).pathname;
// One template per run, so parallel runs on one server never drop each other's data.
const TEMPLATE = `qaz_test_${process.pid}`;

async function onServer(serverUrl, ...statements) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    for (const s of statements) await client.query(s);
  } finally {
    await client.end();
  }
}

export default async function setup() {
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    await import('@swc-node/register/esm-register');
    const { startEmbeddedPostgres } = await import('../src/db/embedded-postgres.ts');
    // A free port, so two checkouts' runs never meet on one.
    const embedded = await startEmbeddedPostgres(`${ROOT}.data/test`, await freePort(), (m) => console.error(m));
    globalThis.__QAZ_EMBEDDED__ = embedded;
    serverUrl = embedded.url;
  }
  await onServer(serverUrl, `drop database if exists ${TEMPLATE} with (force)`, `create database ${TEMPLATE}`);
  globalThis.__QAZ_TEST_DB__ = { serverUrl, name: TEMPLATE };
  const url = new URL(serverUrl);
  url.pathname = `/${TEMPLATE}`;
  execFileSync(process.execPath, ['--import', '@swc-node/register/esm-register', 'src/cli/seed.ts', '--users', '200'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url.toString(), NODE_ENV: 'test', NODE_OPTIONS: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // Cloning needs the template without sessions: refusing connections makes a stray one fail at once instead of stalling clones.
  await onServer(serverUrl, `alter database ${TEMPLATE} with allow_connections false`);
  // Inherited by the workers, which start after this.
  process.env.QAZ_TEST_SERVER_URL = serverUrl;
  process.env.QAZ_TEST_TEMPLATE = TEMPLATE;
}
