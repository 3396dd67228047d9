import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createInventoryActivities } from '../../activities/inventory/inventory.activities';
import type { WaitlistService } from '../../application/inventory/waitlist';
import { INVENTORY_TASK_QUEUE } from '../../workflows/inventory/workflow-ids';

/** A worker on the `inventory` queue running every workflow with the real inventory activities. */
export function createInventoryWorker(
  env: TestWorkflowEnvironment,
  waitlist: WaitlistService,
): Promise<Worker> {
  return Worker.create({
    connection: env.nativeConnection,
    taskQueue: INVENTORY_TASK_QUEUE,
    workflowsPath: require.resolve('../../workflows'),
    activities: createInventoryActivities({
      waitlist,
      describeVariant: async () => ({ productName: '무선 이어폰', optionLabel: '색상: 화이트' }),
    }),
  });
}
