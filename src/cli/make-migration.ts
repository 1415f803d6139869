// Developer tool: writes a migration for the difference between the entities and the database.
import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '../../mikro-orm.config.js';
import { loadConfig } from '../config/config.js';
import { migrateDatabase, resolveDatabaseUrl } from '../app/database.js';

const cfg = loadConfig();
const { url, embedded } = await resolveDatabaseUrl(cfg, console.error);
const orm = await MikroORM.init(ormConfig(url));
try {
  await migrateDatabase(orm, cfg);
  const initial = process.argv.includes('--initial');
  const res = initial ? await orm.migrator.createInitial() : await orm.migrator.create();
  console.log(res.fileName ? `wrote ${res.fileName}` : 'no changes');
} finally {
  await orm.close(true);
  await embedded?.stop();
}
