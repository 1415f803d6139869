import pg from 'pg';

export default async function teardown() {
  const db = globalThis.__QAZ_TEST_DB__;
  if (db) {
    const client = new pg.Client({ connectionString: db.serverUrl });
    await client.connect();
    await client.query(`drop database if exists ${db.name} with (force)`);
    await client.end();
  }
  await globalThis.__QAZ_EMBEDDED__?.stop();
}
