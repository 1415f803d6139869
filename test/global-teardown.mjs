import pg from 'pg';

const pause = (ms) => new Promise((r) => setTimeout(r, ms));

export default async function teardown() {
  const db = globalThis.__QAZ_TEST_DB__;
  if (db) {
    const client = new pg.Client({ connectionString: db.serverUrl });
    await client.connect();
    // The workers' clones still there (spares, files whose drop was cut short), and those a statement still in flight
    // creates or drops: swept until none is left, then the template.
    const like = `${db.name.replaceAll('_', '\\_')}\\_%`;
    for (let i = 0; i < 300; i++) {
      const { rows } = await client.query('select datname from pg_database where datname like $1', [like]);
      for (const { datname } of rows) await client.query(`drop database if exists ${datname} with (force)`);
      const busy = await client.query(`select 1 from pg_stat_activity where pid <> pg_backend_pid() and state = 'active' and query ~* $1`, [
        `^\\s*(create|drop) database (if exists )?${db.name}_`,
      ]);
      if (!rows.length && !busy.rows.length) break;
      await pause(100);
    }
    await client.query(`drop database if exists ${db.name} with (force)`);
    await client.end();
  }
  await globalThis.__QAZ_EMBEDDED__?.stop();
}
