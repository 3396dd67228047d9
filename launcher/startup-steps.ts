import type { Logger } from '../platform/observability/logger';

/**
 * Runs one start-up step between two log lines, the second with its duration, so the slow first
 * run (installing the Temporal CLI, bundling the workflows) never looks stuck.
 */
export function startupSteps(logger: Logger) {
  const started = performance.now();
  return {
    async run<T>(title: string, work: () => T | Promise<T>): Promise<T> {
      const begun = performance.now();
      logger.info({ step: title }, `${title}…`);
      const result = await work();
      const ms = Math.round(performance.now() - begun);
      logger.info({ step: title, ms }, `${title}: done in ${seconds(ms)}`);
      return result;
    },
    /** Milliseconds since the first step began. */
    elapsedMs: () => Math.round(performance.now() - started),
  };
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
