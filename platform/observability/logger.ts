import pino, { type Logger } from 'pino';
import { context, trace } from '@opentelemetry/api';

export type { Logger };

/** Fields that may carry secrets or personal data; pino replaces them before a line is written. */
const REDACTED_PATHS = [
  'password',
  '*.password',
  'newPassword',
  '*.newPassword',
  'accessToken',
  '*.accessToken',
  'refreshToken',
  '*.refreshToken',
  'token',
  '*.token',
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'cardNumber',
  '*.cardNumber',
  'secretKey',
  '*.secretKey',
];

export function createLogger(options: {
  level: string;
  name?: string;
  destination?: pino.DestinationStream;
}): Logger {
  return pino(
    {
      level: options.level,
      name: options.name ?? 'jangteo',
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // trace_id / span_id of the active span join a line to its trace (docs/observability.md#tracing).
      mixin: activeTraceIds,
    },
    options.destination,
  );
}

/** Trace and span id of the span active where a line is logged; nothing outside any span. */
function activeTraceIds(): { trace_id?: string; span_id?: string } {
  const span = trace.getSpan(context.active());
  if (!span) return {};
  const { traceId, spanId } = span.spanContext();
  return { trace_id: traceId, span_id: spanId };
}
