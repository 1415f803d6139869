import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** What the pools report; read when /metrics is scraped. */
export interface PoolStats {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

// The statement that writes the disclosure log (src/audit/disclosure-writer.service.ts): its row count is the disclosures made.
const DISCLOSURE_INSERT = 'disclosures_insert_batch';
const ROUTES = new Set(['/graphql', '/oauth/token', '/.well-known/jwks.json', '/healthz', '/readyz', '/metrics']);
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Prometheus metrics of one gateway, in a registry of its own. Labels come from fixed vocabularies only (routes, operation
 * types, outcomes, limiter names): nothing a caller sends or any personal value ever becomes a label.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly httpRequests = new Counter({ name: 'qaz_http_requests_total', help: 'HTTP requests', registers: [this.registry] });
  private readonly httpDuration = new Histogram({
    name: 'qaz_http_request_duration_seconds',
    help: 'HTTP request latency by route and status class',
    labelNames: ['route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly graphqlRequests = new Counter({ name: 'qaz_graphql_requests_total', help: 'GraphQL operations', registers: [this.registry] });
  private readonly graphqlErrors = new Counter({ name: 'qaz_graphql_errors_total', help: 'GraphQL errors', registers: [this.registry] });
  private readonly graphqlDuration = new Histogram({
    name: 'qaz_graphql_request_duration_seconds',
    help: 'GraphQL operation latency by operation type and outcome',
    labelNames: ['operation', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly authFailures = new Counter({ name: 'qaz_auth_failures_total', help: 'Refused credentials', registers: [this.registry] });
  private readonly sqlStatements = new Counter({ name: 'qaz_sql_statements_total', help: 'Named SQL statements, on the pool or in transactions', registers: [this.registry] });
  private readonly sqlDuration = new Histogram({
    name: 'qaz_sql_statement_duration_seconds',
    help: 'SQL statement latency by outcome',
    labelNames: ['outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly disclosureRows = new Counter({ name: 'qaz_disclosure_rows_total', help: 'Disclosure log rows written', registers: [this.registry] });
  private readonly refusals = new Counter({
    name: 'qaz_rate_limit_refusals_total',
    help: 'Requests refused by a rate limit or throttle',
    labelNames: ['limiter'] as const,
    registers: [this.registry],
  });
  private readonly incidents = new Counter({
    name: 'qaz_privacy_incidents_opened_total',
    help: 'Privacy incidents opened by breach detection, by trigger',
    labelNames: ['trigger'] as const,
    registers: [this.registry],
  });
  private readonly localDecisions = new Counter({
    name: 'qaz_rate_limit_local_decisions_total',
    help: 'Limit decisions taken locally because Redis was away',
    labelNames: ['limiter'] as const,
    registers: [this.registry],
  });

  // Shaped as their owners above this floor declare them (graphql's ExecutionCounts, shared-state's LimitCounters); checked where handed over.
  /** Counted by the compiled executor as it works; read when /metrics is scraped. */
  readonly execution = { compiledOperations: 0, graphqlJsExecutions: 0 };

  readonly limitCounters = {
    refused: (name: string) => this.refusals.inc({ limiter: name }),
    local: (name: string) => this.localDecisions.inc({ limiter: name }),
  };

  constructor(pool: () => PoolStats, redisUp: () => boolean) {
    // Event-loop lag, heap, GC and the rest of Node's own figures.
    collectDefaultMetrics({ register: this.registry, prefix: 'qaz_' });
    const poolGauge = (name: string, help: string, read: () => number) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          this.set(read());
        },
      });
    poolGauge('qaz_db_pool_connections', 'Open connections of the database pool (one, shared by the ORM and the plain-row statements)', () => pool().totalCount);
    poolGauge('qaz_db_pool_idle_connections', 'Idle connections of the database pool (one, shared by the ORM and the plain-row statements)', () => pool().idleCount);
    poolGauge('qaz_db_pool_waiters', 'Requests waiting for a connection of the database pool (one, shared by the ORM and the plain-row statements)', () => pool().waitingCount);
    const executionCounter = (name: string, help: string, read: () => number) =>
      new Counter({
        name,
        help,
        registers: [this.registry],
        collect() {
          this.reset();
          this.inc(read());
        },
      });
    executionCounter('qaz_graphql_compiled_operations_total', 'Operations compiled by graphql-jit', () => this.execution.compiledOperations);
    executionCounter('qaz_graphql_js_executions_total', 'Executions that ran on graphql-js', () => this.execution.graphqlJsExecutions);
    poolGauge('qaz_redis_up', '1 while the shared Redis answers (or none is configured), 0 while limits are local', () => Number(redisUp()));
  }

  httpRequest(path: string, status: number, seconds: number): void {
    this.httpRequests.inc();
    this.httpDuration.observe({ route: ROUTES.has(path) ? path : 'other', status: `${Math.floor(status / 100)}xx` }, seconds);
  }

  authFailure(): void {
    this.authFailures.inc();
  }

  /** `trigger`: CEILING or BASELINE. */
  incidentOpened(trigger: string): void {
    this.incidents.inc({ trigger });
  }

  /** Recipients whose FULL releases are held in this instance, read when scraped. */
  watchHeldRecipients(read: () => number): void {
    new Gauge({
      name: 'qaz_privacy_held_recipients',
      help: 'Recipient accounts whose FULL releases an open incident holds',
      registers: [this.registry],
      collect() {
        this.set(read());
      },
    });
  }

  graphqlOperation(operation: string, outcome: string, errors: number, seconds: number): void {
    this.graphqlRequests.inc();
    if (errors) this.graphqlErrors.inc(errors);
    this.graphqlDuration.observe({ operation, outcome }, seconds);
  }

  sqlStatement(name: string, ok: boolean, rowCount: number, seconds: number): void {
    this.sqlStatements.inc();
    this.sqlDuration.observe({ outcome: ok ? 'ok' : 'error' }, seconds);
    if (ok && name === DISCLOSURE_INSERT) this.disclosureRows.inc(rowCount);
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }
}
