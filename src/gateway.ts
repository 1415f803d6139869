import type { AddressInfo } from 'node:net';
import type { ApolloServer } from '@apollo/server';
import type { Tracer } from '@opentelemetry/api';
import type { SpanExporter } from '@opentelemetry/sdk-trace';
import type { Config } from './config/config.js';
import { servingConnectionOptions } from './db/connection-options.js';
import { openServingDatabase, retryWhileUnavailable } from './app/database.js';
import { openReplicaPool, Sql } from './db/sql.js';
import type { AppServices, CoreServices, GatewayContext } from './graphql/context.js';
import { buildGatewaySchema } from './graphql/gateway-schema.js';
import { createApollo } from './http/apollo.js';
import { createHttpServer } from './http/app.js';
import { Lifecycle } from './http/lifecycle.js';
import { createLogger } from './observability/logger.js';
import { Metrics } from './observability/metrics.js';
import { statementObserver } from './observability/statement-observer.js';
import { createTracing } from './observability/tracing.js';
import { createPiiVault } from './privacy/pii-vault.js';
import { createAuth, type AuthModule } from './auth/auth.service.js';
import { createSmsSender } from './identity/sms-sender.js';
import { STANDING_CHANNEL } from './access/standing.trigger.js';
import { ChangeFeed } from './db/change-feed.js';
import { ensureDisclosurePartitions } from './audit/disclosure-partitions.service.js';
import { DisclosureWriter } from './audit/disclosure-writer.service.js';
import { callerLimits } from './shared-state/caller-limits.js';
import { connectSharedStore } from './shared-state/shared-store.js';
import { scheduleBookingJobs, type JobTimer } from './bookings/booking.jobs.js';
import type { ExplainRunner } from './explain/explain.service.js';
import { BreachWatch } from './incidents/breach-watch.service.js';
import { ReleaseCounter } from './incidents/release-count.service.js';
import { trustedDocumentGate } from './documents/trusted-document.gate.js';
import { createPlayground, type PlaygroundModule } from './playground/playground.module.js';
import { ACCESS_RULES, makeLoaders, RESOLVERS } from './app/modules.js';

export interface RunningGateway {
  url: string;
  services: AppServices;
  /** This instance's breach detection: `round()` flushes its counts and checks now. */
  breach: BreachWatch;
  /** Settles once the database answered and is migrated; rejects when it needs migrating in production. */
  ready: Promise<void>;
  /** Tells of every change the database notifies that may alter a token's standing (for callers that must wait for it). */
  standingChanges: ChangeFeed;
  /** Stops taking connections, lets requests in flight finish within the grace period, then releases everything. */
  close(): Promise<void>;
}

/**
 * Wires every part and listens at once; the database is prepared in the background, retried while it is away (/readyz says 503
 * until then). Resolves once ready unless `awaitDatabase` is false.
 */
export interface GatewayOptions {
  awaitDatabase?: boolean;
  spanExporter?: SpanExporter;
  /** The time breach detection counts and checks by; tests fix it to replay a given day. */
  clock?: () => Date;
}

/**
 * The gateway's parts wired as every instance wires them, before anything listens: the HTTP server serves operations on
 * `apollo`, and a caller in the same process may run them there with a context of its own.
 */
export interface ComposedGateway {
  services: AppServices;
  apollo: ApolloServer<GatewayContext>;
  auth: AuthModule;
  breach: BreachWatch;
  metrics: Metrics;
  tracer: Tracer | null;
  standingChanges: ChangeFeed;
  playground: PlaygroundModule;
  /** Migrates (or checks) the database, keeps the disclosure log's partitions ahead and reads the held recipients. */
  prepare: () => Promise<void>;
  /** Writes the counts not yet in the shared slots (before the pools close), then releases Apollo, the change feed, the pools, the shared store and tracing. */
  release: () => Promise<void>;
}

export async function composeGateway(cfg: Config, { spanExporter, clock = () => new Date() }: Pick<GatewayOptions, 'spanExporter' | 'clock'> = {}): Promise<ComposedGateway> {
  const logger = createLogger(cfg.logLevel);
  const db = await openServingDatabase(cfg, (m) => logger.warn(m));
  const store = connectSharedStore(cfg, logger);
  const tracing = createTracing(cfg.otlpEndpoint, spanExporter);
  const metrics = new Metrics(() => db.pool, store.up);
  const replicas = cfg.databaseReplicaUrls.map((u) => openReplicaPool(u, cfg.dbPoolMax, servingConnectionOptions(cfg)));
  const sql = new Sql(db.pool, statementObserver(metrics, tracing.tracer), replicas);
  // Counting FULL releases per recipient costs nothing per request: the disclosure writer reports its committed batches.
  const counter = cfg.breach.checkSeconds > 0 ? new ReleaseCounter(clock) : null;
  const breach = new BreachWatch(db.orm.em, sql, counter, cfg.breach, logger, metrics, clock);
  metrics.watchHeldRecipients(() => breach.heldCount);
  const core: CoreServices = { cfg, orm: db.orm, sql, logger, vault: createPiiVault(cfg), store, limitCounters: metrics.limitCounters, holds: breach, makeLoaders };
  const standingChanges = new ChangeFeed(db.url, STANDING_CHANNEL, `${servingConnectionOptions(cfg).fallback_application_name}-changes`).start();
  const auth = await createAuth(core, standingChanges);
  // Requests alone run it, and none arrives before apollo below exists.
  const explainRunner: ExplainRunner = (request, context) => apollo.executeOperation(request, { contextValue: context });
  // Feature services are added to the core object itself: one services object for all that was built before and after.
  const services: AppServices = Object.assign(core, { auth, explainRunner, sms: createSmsSender(cfg, logger) });
  const disclosureLog = new DisclosureWriter(sql, cfg.disclosureBatch.tickMs, cfg.disclosureBatch.maxRows, counter ? (p, n) => counter.add(p, n) : undefined);
  const schema = await buildGatewaySchema({ resolvers: RESOLVERS, rules: ACCESS_RULES }, cfg.privacyTransform);
  const playground = createPlayground(services, auth.ring, schema);
  const apollo = await createApollo(schema, cfg, logger, metrics, store, disclosureLog, auth.forgetStandingsAfterWrite, playground.landingPage);
  // The daily purge keeps the log's monthly partitions ahead too; this covers a gateway started after a long pause.
  // Held recipients are known before the first request is served.
  const prepare = async () => {
    await db.prepare();
    const em = db.orm.em.fork();
    await ensureDisclosurePartitions((text) => em.execute(text));
    await breach.refresh();
  };
  const release = async () => {
    // Best effort: a crash loses them anyway.
    await counter?.flush(sql).catch(() => {});
    await apollo.stop();
    await standingChanges.close();
    await sql.close();
    await db.close();
    await store.close();
    await tracing.shutdown();
  };
  return { services, apollo, auth, breach, metrics, tracer: tracing.tracer, standingChanges, playground, prepare, release };
}

export async function startGateway(cfg: Config, { awaitDatabase = true, spanExporter, clock }: GatewayOptions = {}): Promise<RunningGateway> {
  const { services, apollo, auth, breach, metrics, tracer, standingChanges, playground, prepare, release: releaseAll } = await composeGateway(cfg, { spanExporter, clock });
  const { logger, store, sql } = services;
  const lifecycle = new Lifecycle();
  const admit = callerLimits(cfg, store, metrics.limitCounters);
  const routes = new Map([...auth.routes, ...playground.routes]);
  const server = createHttpServer({
    services,
    apollo,
    metrics,
    tracer,
    authenticate: auth.authenticate,
    admit,
    prepare: trustedDocumentGate(sql),
    routes,
    prefixRoutes: playground.prefixRoutes,
    lifecycle,
  });
  // Longer than a load balancer's idle timeout (often 60 s), so that it never sends on a connection this end is closing.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(cfg.port, cfg.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  // Booking jobs start once the database is there; each instance runs them under an advisory lock.
  const { bookingHoldMinutes, intervalSeconds } = cfg.jobs;
  let jobs: JobTimer | null = null;
  let breachJobs: JobTimer | null = null;
  const ready = retryWhileUnavailable(
    prepare,
    (m) => logger.warn(m),
    () => lifecycle.draining,
  ).then(() => {
    lifecycle.databaseReady = true;
    if (intervalSeconds > 0 && !lifecycle.draining) {
      jobs = scheduleBookingJobs(services.orm.em, bookingHoldMinutes, intervalSeconds, (e) =>
        logger.error({ errorName: (e as Error).name, dbCode: (e as { code?: string }).code }, 'booking jobs failed'),
      );
    }
    if (!lifecycle.draining) {
      breachJobs = breach.schedule(cfg.breach.checkSeconds, cfg.breach.holdsRefreshSeconds, (e) =>
        logger.error({ errorName: (e as Error).name, dbCode: (e as { code?: string }).code }, 'breach detection failed'),
      );
    }
  });
  ready.catch(() => {});
  async function close(): Promise<void> {
    lifecycle.draining = true;
    await jobs?.stop();
    await breachJobs?.stop();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const drained = await lifecycle.settled(cfg.shutdownGraceMs);
    if (!drained) logger.warn({ requestsInFlight: lifecycle.requestsInFlight }, 'shutdown grace period over; cutting connections');
    server.closeAllConnections();
    await closed;
    const release = releaseAll();
    // Statements of cut requests hold their pooled connections until they end: past the grace period, wait at most a second.
    await (drained ? release : Promise.race([release, new Promise((r) => setTimeout(r, 1000))]));
  }
  if (awaitDatabase)
    await ready.catch(async (e: unknown) => {
      await close();
      throw e;
    });
  return { url: `http://${cfg.host}:${port}`, services, breach, ready, standingChanges, close };
}
