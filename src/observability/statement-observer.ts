import { performance } from 'node:perf_hooks';
import type { Tracer } from '@opentelemetry/api';
import type { StatementHook } from '../db/sql.js';
import type { Metrics } from './metrics.js';
import { markFailed, SpanKind } from './tracing.js';

/** Latency and a span per statement; the span is named by the statement's name, never its text or values. */
export function statementObserver(metrics: Metrics, tracer: Tracer | null): StatementHook {
  return (name) => {
    const t0 = performance.now();
    const span = tracer?.startSpan(`SQL ${name}`, { kind: SpanKind.CLIENT, attributes: { 'db.system.name': 'postgresql', 'db.query.summary': name } });
    return (ok, rowCount) => {
      metrics.sqlStatement(name, ok, rowCount, (performance.now() - t0) / 1000);
      if (!ok) markFailed(span);
      span?.end();
    };
  };
}
