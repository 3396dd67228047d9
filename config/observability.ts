import { z } from 'zod';
import { parseEnv, url, type Env } from './env';

/**
 * Tracing and error tracking (docs/observability.md). Read on its own, before the role's config,
 * because instrumentation has to start before the modules it patches are loaded.
 */
export const observabilitySection = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /** OTLP/HTTP collector base address (`http://collector:4318`); unset: no span leaves the process. */
  OTEL_EXPORTER_OTLP_ENDPOINT: url(['http', 'https']).optional(),
  /** Overrides the service name a role reports (`jangteo-api`, `jangteo-worker`, `jangteo`). */
  OTEL_SERVICE_NAME: z.string().min(1).optional(),
  /** Sentry project DSN; unset: errors are only logged. */
  SENTRY_DSN: url(['http', 'https']).optional(),
  SENTRY_ENVIRONMENT: z.string().min(1).optional(),
  SENTRY_RELEASE: z.string().min(1).optional(),
};

const observabilitySchema = z.object(observabilitySection);

export interface ObservabilityConfig {
  tracing?: { endpoint: string; serviceName: string };
  errorTracking?: { dsn: string; environment: string; release?: string; serverName: string };
}

export function loadObservabilityConfig(env: Env, serviceName: string): ObservabilityConfig {
  const parsed = parseEnv(observabilitySchema, env);
  const service = parsed.OTEL_SERVICE_NAME ?? serviceName;
  return {
    tracing: parsed.OTEL_EXPORTER_OTLP_ENDPOINT
      ? { endpoint: parsed.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: service }
      : undefined,
    errorTracking: parsed.SENTRY_DSN
      ? {
          dsn: parsed.SENTRY_DSN,
          environment: parsed.SENTRY_ENVIRONMENT ?? parsed.NODE_ENV,
          release: parsed.SENTRY_RELEASE,
          serverName: service,
        }
      : undefined,
  };
}
