import { loadObservabilityConfig } from '../../config/observability';
import { flushErrorTracking, startErrorTracking } from './error-tracking';
import { currentTracing, startTracing } from './tracing';

/**
 * Imported first by each process entry (api/server.ts, workers/main.ts, launcher/embedded.ts):
 * instrumentation patches http, mysql2 and ioredis as they are required, so it starts before them.
 */
function serviceNameOf(entry = ''): string {
  if (/api[\\/]server\.[jt]s$/.test(entry)) return 'jangteo-api';
  if (/workers[\\/]main\.[jt]s$/.test(entry)) return 'jangteo-worker';
  return 'jangteo';
}

try {
  const serviceName = serviceNameOf(process.argv[1]);
  const observability = loadObservabilityConfig(process.env, serviceName);
  startTracing({
    serviceName: observability.tracing?.serviceName ?? serviceName,
    endpoint: observability.tracing?.endpoint,
  });
  startErrorTracking(observability.errorTracking);
} catch (error) {
  // The same plain message as the entries' own configuration errors.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

/** Sends the spans and error events still buffered; the last step of a process's shutdown. */
export async function flushTelemetry(): Promise<void> {
  await Promise.allSettled([currentTracing().shutdown(), flushErrorTracking()]);
}
