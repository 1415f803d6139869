// Each test file gets a database of its own, cloned from the run's seeded template (test/global-setup.mjs) before the file's
// modules load and dropped after it, so files can run in parallel workers without seeing each other's writes.
import { randomBytes } from 'node:crypto';
import { TestEnvironment } from 'jest-environment-node';
import pg from 'pg';

async function onServer(serverUrl, statement) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function cloneTemplate(serverUrl, template) {
  const name = `${template}_${process.pid}_${randomBytes(3).toString('hex')}`;
  await onServer(serverUrl, `create database ${name} template ${template}`);
  return name;
}

// Per worker: the next file's database, cloned while the current file runs (a clone or a drop takes a few hundred ms).
let spare = null;

export default class DatabaseEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.serverUrl = process.env.QAZ_TEST_SERVER_URL;
    this.template = process.env.QAZ_TEST_TEMPLATE;
    // Per project: e.g. the executor a pass runs on (jest.executors.config.js).
    this.env = config.projectConfig.testEnvironmentOptions.env ?? {};
  }

  async setup() {
    await super.setup();
    if (!this.serverUrl) throw new Error('no test template: run the tests through jest, whose global setup makes it');
    const mine = spare ?? cloneTemplate(this.serverUrl, this.template);
    spare = cloneTemplate(this.serverUrl, this.template);
    spare.catch(() => {}); // a failed clone fails the file that takes it, not the worker
    this.database = await mine;
    const url = new URL(this.serverUrl);
    url.pathname = `/${this.database}`;
    // The file's modules, and the CLIs and gateways it starts with its environment, read these; the Redis prefix keeps
    // shared-state keys apart the same way.
    Object.assign(this.global.process.env, { DATABASE_URL: url.toString(), REDIS_KEY_PREFIX: `qaz-test:${this.database}:`, ...this.env });
  }

  async teardown() {
    await super.teardown();
    if (!this.database) return;
    // Not waited for: the next file starts meanwhile; global teardown drops what a worker left (its spare, a drop in flight).
    onServer(this.serverUrl, `drop database if exists ${this.database} with (force)`).catch((e) => console.error(`could not drop test database ${this.database}: ${e.message}`));
  }
}
