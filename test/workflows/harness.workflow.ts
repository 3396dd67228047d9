import { proxyActivities, sleep } from '@temporalio/workflow';
import type { createHarnessActivities } from './harness.activities';

const { stamp } = proxyActivities<ReturnType<typeof createHarnessActivities>>({
  startToCloseTimeout: '10 seconds',
});

/** Waits half an hour of workflow time, then runs an activity: proves timers skip in tests. */
export async function harnessWorkflow(
  label: string,
): Promise<{ label: string; sleptFromMs: number; wokeAtMs: number }> {
  const sleptFromMs = Date.now();
  await sleep('30 minutes');
  const wokeAtMs = Date.now();
  await stamp(label);
  return { label, sleptFromMs, wokeAtMs };
}
