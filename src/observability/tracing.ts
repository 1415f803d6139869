import { context, SpanKind, SpanStatusCode, trace, type Attributes, type Span, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, SimpleSpanProcessor, TracerProvider, type SpanExporter } from '@opentelemetry/sdk-trace';

/** Spans per HTTP request, GraphQL operation and SQL statement; never per field. Attributes name things, never carry values. */
export interface Tracing {
  tracer: Tracer | null;
  shutdown(): Promise<void>;
}

export { SpanKind };

let contextManager: AsyncLocalStorageContextManager | null = null;

/** OTLP over HTTP when an endpoint is configured; `exporter` replaces it (tests read spans from memory); neither: no tracing. */
export function createTracing(endpoint: string | undefined, exporter?: SpanExporter): Tracing {
  const processor = exporter
    ? new SimpleSpanProcessor({ exporter })
    : endpoint
      ? new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: `${endpoint.replace(/\/$/, '')}/v1/traces` }) })
      : null;
  if (!processor) return { tracer: null, async shutdown() {} };
  // Child spans find their parent through async context; one manager serves every gateway in the process.
  if (!contextManager) {
    contextManager = new AsyncLocalStorageContextManager().enable();
    context.setGlobalContextManager(contextManager);
  }
  const provider = new TracerProvider({ resource: resourceFromAttributes({ 'service.name': 'qaztracker-gateway' }), spanProcessors: [processor] });
  return { tracer: provider.getTracer('qaztracker-gateway'), shutdown: () => provider.shutdown() };
}

/** Runs `work` inside an active span (so that statements under it become its children); without a tracer, just runs it. */
export function inSpan<T>(tracer: Tracer | null, name: string, kind: SpanKind, attributes: Attributes, work: (span: Span | null) => Promise<T>): Promise<T> {
  if (!tracer) return work(null);
  return tracer.startActiveSpan(name, { kind, attributes }, async (span) => {
    try {
      return await work(span);
    } catch (e) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw e;
    } finally {
      span.end();
    }
  });
}

/** The span of the code running now (the GraphQL operation's, inside the handler), to name it once the operation is known. */
export function currentSpan(): Span | undefined {
  return trace.getActiveSpan();
}

export function markFailed(span: Span | null | undefined): void {
  span?.setStatus({ code: SpanStatusCode.ERROR });
}
