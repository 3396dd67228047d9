import { hasWarmUpHeader } from '../warm-up-marker';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { MySQL2Instrumentation } from '@opentelemetry/instrumentation-mysql2';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, NoopSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

export interface Tracing {
  enabled: boolean;
  resource: Resource;
  /** Where spans recorded outside the global provider go (Temporal's workflow spans, via a sink). */
  spanProcessor: SpanProcessor;
  /** Exports what is still buffered; call on shutdown. */
  shutdown(): Promise<void>;
}

let started: Tracing | undefined;

/**
 * One tracer provider per process (docs/observability.md#tracing): W3C trace context, spans of
 * inbound and outbound HTTP, fetch (vendor calls), mysql2 and ioredis, batched to an OTLP/HTTP
 * collector. Without an endpoint nothing is registered, so the API's no-op tracer costs next to nothing.
 * Instrumentations patch modules as they are required: call this before importing them.
 */
export function startTracing(options: { serviceName: string; endpoint?: string }): Tracing {
  if (started) return started;
  const resource = new Resource({ [ATTR_SERVICE_NAME]: options.serviceName });
  if (!options.endpoint) {
    started = disabledTracing(resource);
    return started;
  }
  const exporter = new OTLPTraceExporter({ url: `${options.endpoint.replace(/\/+$/, '')}/v1/traces` });
  const spanProcessor = new BatchSpanProcessor(exporter, { scheduledDelayMillis: 1000 });
  const provider = new NodeTracerProvider({ resource, spanProcessors: [spanProcessor] });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        // Probes, scrapes and the process's own warm-up would drown the traces that matter.
        ignoreIncomingRequestHook: (request) =>
          /^\/(healthz|readyz|metrics)\b/.test(request.url ?? '') || hasWarmUpHeader(request.headers),
        ignoreOutgoingRequestHook: (options) => hasWarmUpHeader(options.headers as Record<string, unknown>),
      }),
      new UndiciInstrumentation(),
      new MySQL2Instrumentation(),
      new IORedisInstrumentation(),
    ],
  });
  started = {
    enabled: true,
    resource,
    spanProcessor,
    shutdown: () => provider.shutdown(),
  };
  return started;
}

/** The process's tracing, or a disabled one when `startTracing` never ran (tests, scripts). */
export function currentTracing(): Tracing {
  return started ?? disabledTracing(new Resource({ [ATTR_SERVICE_NAME]: 'jangteo' }));
}

function disabledTracing(resource: Resource): Tracing {
  return {
    enabled: false,
    resource,
    spanProcessor: new NoopSpanProcessor(),
    shutdown: async () => undefined,
  };
}
