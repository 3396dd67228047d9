import { DefaultLogger, Runtime, type LogLevel } from '@temporalio/worker';
import type { Logger } from '../platform/observability/logger';

let installed = false;

/**
 * Routes the Temporal SDK's own log lines into the process logger (once per process) and, given
 * `metricsBindAddress` (TEMPORAL_METRICS_BIND_ADDRESS), serves the SDK's worker metrics (task
 * slots, poll and schedule-to-start latencies…) on that address's /metrics, apart from the app's.
 */
export function installTemporalRuntime(
  logger: Logger,
  level: LogLevel = 'WARN',
  metricsBindAddress?: string,
): void {
  if (installed) return;
  installed = true;
  const temporalLogger = logger.child({ component: 'temporal-sdk' });
  Runtime.install({
    logger: new DefaultLogger(level, ({ level: entryLevel, message, meta }) => {
      const method = entryLevel === 'ERROR' ? 'error' : entryLevel === 'WARN' ? 'warn' : 'debug';
      temporalLogger[method](meta ?? {}, message);
    }),
    ...(metricsBindAddress && {
      telemetryOptions: {
        metrics: { prometheus: { bindAddress: metricsBindAddress, countersTotalSuffix: true } },
      },
    }),
  });
}
