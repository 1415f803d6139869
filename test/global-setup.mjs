// Prepares one migrated, seeded test database for the whole run: the machine's Postgres when
// DATABASE_URL is set, else an embedded Postgres under .data/test.
import { execFileSync } from 'node:child_process';
import pg from 'pg';

const ROOT = new URL('..', import.meta.url).pathname;
// One database per run, so parallel runs on one server never drop each other's data.
const TEST_DB = `qaz_test_${process.pid}`;

async function recreate(serverUrl) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`drop database if exists ${TEST_DB} with (force)`);
  await client.query(`create database ${TEST_DB}`);
  await client.end();
}

export default async function setup() {
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    await import('@swc-node/register/esm-register');
    const { startEmbeddedPostgres } = await import('../src/db/embedded-postgres.ts');
    const embedded = await startEmbeddedPostgres(`${ROOT}.data/test`, 54330, (m) => console.error(m));
    globalThis.__QAZ_EMBEDDED__ = embedded;
    serverUrl = embedded.url;
  }
  const url = new URL(serverUrl);
  url.pathname = `/${TEST_DB}`;
  await recreate(serverUrl);
  process.env.DATABASE_URL = url.toString();
  globalThis.__QAZ_TEST_DB__ = { serverUrl, name: TEST_DB };
  execFileSync(process.execPath, ['--import', '@swc-node/register/esm-register', 'src/cli/seed.ts', '--users', '200'], {
    cwd: ROOT, env: { ...process.env, NODE_ENV: 'test', NODE_OPTIONS: '' }, stdio: ['ignore', 'ignore', 'inherit'],
  });
}
