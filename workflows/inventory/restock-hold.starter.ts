import type { Client } from '@temporalio/client';
import { startOnce } from '../../platform/temporal/start-once';
import type { RestockHoldStarter } from '../../domain/inventory/ports';
import { INVENTORY_TASK_QUEUE } from '../shared/task-queues';
import { restockHoldWorkflowId } from '../shared/workflow-ids';

/** Starts `restockHoldWorkflow` for a waiting-queue entry; a second start of the same entry is a no-op. */
export class TemporalRestockHoldStarter implements RestockHoldStarter {
  constructor(
    private readonly client: () => Client,
    private readonly taskQueue: string = INVENTORY_TASK_QUEUE,
  ) {}

  async startHold(input: { variantId: string; entryId: string }): Promise<void> {
    await startOnce(this.client(), 'restockHoldWorkflow', {
      taskQueue: this.taskQueue,
      workflowId: restockHoldWorkflowId(input.variantId, input.entryId),
      args: [input],
    });
  }
}
