import type { SqlStats } from '../db/sql.js';

/** Process-wide counters in Prometheus text format; no labels that could carry a caller's data. */
export class Metrics {
  httpRequests = 0;
  graphqlRequests = 0;
  graphqlErrors = 0;
  authFailures = 0;
  readonly execution = { compiledOperations: 0, graphqlJsExecutions: 0 };
  private readonly started = Date.now();

  constructor(private readonly sql: SqlStats) {}

  render(): string {
    const lines = [
      ['qaz_http_requests_total', 'counter', this.httpRequests],
      ['qaz_graphql_requests_total', 'counter', this.graphqlRequests],
      ['qaz_graphql_errors_total', 'counter', this.graphqlErrors],
      ['qaz_auth_failures_total', 'counter', this.authFailures],
      ['qaz_graphql_compiled_operations_total', 'counter', this.execution.compiledOperations],
      ['qaz_graphql_js_executions_total', 'counter', this.execution.graphqlJsExecutions],
      ['qaz_sql_statements_total', 'counter', this.sql.statements],
      ['qaz_uptime_seconds', 'gauge', Math.round((Date.now() - this.started) / 1000)],
    ] as const;
    return lines.map(([name, type, v]) => `# TYPE ${name} ${type}\n${name} ${v}`).join('\n') + '\n';
  }
}
