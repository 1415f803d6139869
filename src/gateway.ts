import type { AddressInfo } from 'node:net';
import type { Config } from './config/config.js';
import { openDatabase } from './db/database.js';
import { Sql } from './db/sql.js';
import type { AppServices } from './graphql/context.js';
import { buildGatewaySchema } from './graphql/gateway-schema.js';
import { createApollo } from './http/apollo.js';
import { createHttpServer } from './http/app.js';
import { createLogger } from './observability/logger.js';
import { Metrics } from './observability/metrics.js';
import { createPiiVault } from './privacy/pii-vault.js';
import { createAuth } from './auth/auth.module.js';
import { scheduleBookingJobs } from './bookings/booking.jobs.js';

export interface RunningGateway { url: string; services: AppServices; close(): Promise<void> }

/** Migrates, wires every part and listens; `close` releases them in reverse order. */
export async function startGateway(cfg: Config): Promise<RunningGateway> {
  const logger = createLogger(cfg.logLevel);
  const db = await openDatabase(cfg, (m) => logger.warn(m));
  const sql = Sql.connect(db.url, cfg.dbPoolMax);
  const services: AppServices = { cfg, orm: db.orm, sql, logger, vault: createPiiVault(cfg) };
  const metrics = new Metrics(sql.stats);
  const auth = await createAuth(services);
  const apollo = await createApollo(await buildGatewaySchema(cfg.privacyTransform), cfg, logger, metrics);
  const server = createHttpServer({ services, apollo, metrics, authenticate: auth.authenticate, routes: auth.routes });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(cfg.port, cfg.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const { bookingHoldMinutes, intervalSeconds } = cfg.jobs;
  const jobs = intervalSeconds > 0
    ? scheduleBookingJobs(db.orm.em, bookingHoldMinutes, intervalSeconds, (e) => logger.error({ errorName: (e as Error).name, dbCode: (e as { code?: string }).code }, 'booking jobs failed'))
    : null;
  return {
    url: `http://${cfg.host}:${port}`,
    services,
    async close() {
      await jobs?.stop();
      await new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); });
      await apollo.stop();
      await sql.close();
      await db.close();
    },
  };
}
