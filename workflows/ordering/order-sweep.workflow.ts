import { proxyActivities } from '@temporalio/workflow';
import type { OrderingActivities } from '../../activities/ordering/ordering.activities';

const { startMissingLifecycles } = proxyActivities<OrderingActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { maximumAttempts: 3 },
});

/** Run by the `order-placement-sweep` schedule: orders stored without their OrderLifecycle get one. */
export async function orderSweepWorkflow(): Promise<{ checked: number; started: string[] }> {
  return startMissingLifecycles();
}
