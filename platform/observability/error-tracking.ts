import * as Sentry from '@sentry/node';
import { scrubEvent, scrubValue } from './personal-data-scrubber';

let enabled = false;

/**
 * Sends unexpected errors to Sentry when SENTRY_DSN is set (docs/observability.md#error-tracking).
 * Sentry keeps out of tracing (`skipOpenTelemetrySetup`: the process's own tracer provider stays
 * the only one) and every event, breadcrumb and transaction is scrubbed of personal data first.
 */
export function startErrorTracking(config?: {
  dsn: string;
  environment: string;
  release?: string;
  serverName: string;
}): boolean {
  if (!config || enabled) return enabled;
  Sentry.init({
    dsn: config.dsn,
    environment: config.environment,
    release: config.release,
    serverName: config.serverName,
    sendDefaultPii: false,
    skipOpenTelemetrySetup: true,
    // Unhandled rejections keep Node's own behaviour (they become uncaught exceptions, reported there).
    integrations: (defaults) => defaults.filter((integration) => integration.name !== 'OnUnhandledRejection'),
    beforeSend: (event) => scrubEvent(event),
    beforeSendTransaction: (event) => scrubEvent(event),
    beforeBreadcrumb: (breadcrumb) => scrubValue(breadcrumb) as Sentry.Breadcrumb,
  });
  enabled = true;
  return enabled;
}

/** Reports an error that nothing handled; a no-op without SENTRY_DSN. */
export function reportError(error: unknown, context: { tags?: Record<string, string> } = {}): void {
  if (!enabled) return;
  Sentry.captureException(error, { tags: context.tags });
}

/** Sends what is queued (shutdown, tests). */
export async function flushErrorTracking(timeoutMs = 2000): Promise<void> {
  if (enabled) await Sentry.flush(timeoutMs);
}
