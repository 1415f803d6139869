import 'reflect-metadata';
import { loadConfig } from './config/config.js';
import { startGateway } from './gateway.js';
import { PendingMigrationsError } from './app/database.js';

const cfg = loadConfig();
// Listens before the database answers: /readyz stays 503 until it does, and a supervisor sees a live process, not a crash loop.
const gw = await startGateway(cfg, { awaitDatabase: false });
const { logger } = gw.services;
logger.info({ url: `${gw.url}/graphql`, database: cfg.databaseUrl ? 'DATABASE_URL' : 'embedded Postgres' }, 'QAZTRACKER gateway listening');
gw.ready.then(
  // Plain stdout, whatever the log level: scripts and benchmarks wait for this line.
  () => console.log(`QAZTRACKER gateway ready: ${gw.url}/graphql`),
  (e: Error) => {
    // Only our own refusal's text is logged: a database error's may quote data.
    logger.fatal({ errorName: e.name, reason: e instanceof PendingMigrationsError ? e.message : undefined }, 'database cannot be served');
    void gw.close().finally(() => process.exit(1));
  },
);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal, graceMs: cfg.shutdownGraceMs }, 'shutting down: draining requests in flight');
  await gw.close();
  logger.info('shut down');
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
