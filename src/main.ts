import 'reflect-metadata';
import { loadConfig } from './config/config.js';
import { startGateway } from './gateway.js';

const cfg = loadConfig();
const gw = await startGateway(cfg);
console.log(`QAZTRACKER gateway ready: ${gw.url}/graphql (${cfg.databaseUrl ? 'DATABASE_URL' : 'embedded Postgres'})`);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: shutting down`);
  await gw.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
