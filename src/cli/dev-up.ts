import 'reflect-metadata';
import { loadConfig } from '../config/config.js';
import { statement } from '../db/statement.js';
import { startGateway } from '../gateway.js';
import { seedDemo } from '../../seeds/demo.seeder.js';

// Demo start: migrate, seed once (an existing database keeps its data across restarts), serve.
const cfg = loadConfig();
const gw = await startGateway(cfg);
const [{ n }] = await gw.services.sql.rows(statement<{ n: number }>('dev_user_count', 'select count(*)::int as n from users'));
if (n === 0) {
  console.log('seeding demo data...');
  await seedDemo(gw.services.orm, cfg, { users: 200 });
}
console.log(`QAZTRACKER gateway ready: ${gw.url}/graphql (${cfg.databaseUrl ? 'DATABASE_URL' : `embedded Postgres in ${cfg.dataDir}`})`);
console.log('dev tokens: npm run token -- --role ADMIN   (see README)');
const stop = async () => {
  await gw.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
