import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { ormConfig } from '../../mikro-orm.config.js';
import { MIGRATIONS } from '../../src/migrations/index.js';

export interface ScratchDatabase {
  orm: MikroORM;
  drop(): Promise<void>;
}

async function onServer(serverUrl: string, query: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

/** A database of its own beside the test database, migrated up to the migration just before `migration`, for testing that one on old data. */
export async function scratchDatabaseBefore(serverUrl: string, name: string, migration: string): Promise<ScratchDatabase> {
  const index = MIGRATIONS.findIndex((m) => m.name === migration);
  if (index < 1) throw new Error(`no migration before ${migration}`);
  await onServer(serverUrl, `drop database if exists ${name} with (force)`);
  await onServer(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const orm = await MikroORM.init(ormConfig(url.toString()));
  await orm.migrator.up({ to: MIGRATIONS[index - 1].name });
  return {
    orm,
    async drop() {
      await orm.close(true);
      await onServer(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}
