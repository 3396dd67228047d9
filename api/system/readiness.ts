import type { ReadinessCheck } from '../../platform/readiness-check';

export interface DependencyStatus {
  status: 'up' | 'down';
  /** Whether readiness fails when this dependency is down. */
  required: boolean;
  latencyMs: number;
  error?: string;
}

/** `ready`: all up; `degraded`: an optional dependency is down (still 200); `not_ready`: a required one is (503). */
export type Readiness = 'ready' | 'degraded' | 'not_ready';

/**
 * Each check gets at most `timeoutMs` (all run at once), so a load balancer probing with a 2 s
 * timeout always gets an answer: a dependency that hangs (Temporal restarting) is reported down
 * instead of making the probe itself time out.
 */
export const READINESS_CHECK_TIMEOUT_MS = 1000;

export async function runReadinessChecks(
  checks: ReadinessCheck[],
  timeoutMs = READINESS_CHECK_TIMEOUT_MS,
): Promise<{ ready: boolean; status: Readiness; checks: Record<string, DependencyStatus> }> {
  const results = await Promise.all(
    checks.map(async ({ name, check, required = true }): Promise<[string, DependencyStatus]> => {
      const started = performance.now();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        await Promise.race([check(), timeout]);
        return [name, { status: 'up', required, latencyMs: Math.round(performance.now() - started) }];
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const latencyMs = Math.round(performance.now() - started);
        return [name, { status: 'down', required, latencyMs, error: message }];
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  const down = results.filter(([, result]) => result.status === 'down');
  const ready = down.every(([, result]) => !result.required);
  const status: Readiness = !ready ? 'not_ready' : down.length > 0 ? 'degraded' : 'ready';
  return { ready, status, checks: Object.fromEntries(results) };
}
