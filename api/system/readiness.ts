import type { ReadinessCheck } from '../../platform/readiness-check';

export interface DependencyStatus {
  status: 'up' | 'down';
  latencyMs: number;
  error?: string;
}

const timeout = (ms: number) =>
  new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref(),
  );

export async function runReadinessChecks(
  checks: ReadinessCheck[],
  timeoutMs = 2500,
): Promise<{ ready: boolean; checks: Record<string, DependencyStatus> }> {
  const results = await Promise.all(
    checks.map(async ({ name, check }): Promise<[string, DependencyStatus]> => {
      const started = performance.now();
      try {
        await Promise.race([check(), timeout(timeoutMs)]);
        return [name, { status: 'up', latencyMs: Math.round(performance.now() - started) }];
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return [name, { status: 'down', latencyMs: Math.round(performance.now() - started), error: message }];
      }
    }),
  );
  return { ready: results.every(([, r]) => r.status === 'up'), checks: Object.fromEntries(results) };
}
