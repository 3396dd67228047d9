import { ScheduleAlreadyRunning, type Client, type ScheduleOptions } from '@temporalio/client';
import { INVENTORY_TASK_QUEUE, RESTOCK_SWEEP_SCHEDULE_ID } from '../workflows/inventory/workflow-ids';
import { ORDER_SWEEP_SCHEDULE_ID, ORDERING_TASK_QUEUE } from '../workflows/ordering/order-lifecycle.messages';

/**
 * Every Temporal Schedule of the platform, visible in the Temporal UI under Schedules. Workers
 * create them idempotently at start; an existing schedule takes the current spec and action.
 */
export const SCHEDULES: ScheduleOptions[] = [
  {
    scheduleId: RESTOCK_SWEEP_SCHEDULE_ID,
    spec: { intervals: [{ every: '5 minutes' }] },
    action: {
      type: 'startWorkflow',
      workflowType: 'restockSweepWorkflow',
      taskQueue: INVENTORY_TASK_QUEUE,
      workflowId: 'restock-hold-sweep',
    },
    policies: { overlap: 'SKIP', catchupWindow: '10 minutes' },
  },
  {
    scheduleId: ORDER_SWEEP_SCHEDULE_ID,
    spec: { intervals: [{ every: '5 minutes' }] },
    action: {
      type: 'startWorkflow',
      workflowType: 'orderSweepWorkflow',
      taskQueue: ORDERING_TASK_QUEUE,
      workflowId: ORDER_SWEEP_SCHEDULE_ID,
    },
    policies: { overlap: 'SKIP', catchupWindow: '10 minutes' },
  },
];

export async function ensureSchedules(
  client: Client,
  schedules: ScheduleOptions[] = SCHEDULES,
): Promise<{ created: string[]; updated: string[] }> {
  const created: string[] = [];
  const updated: string[] = [];
  for (const schedule of schedules) {
    try {
      await client.schedule.create(schedule);
      created.push(schedule.scheduleId);
    } catch (error) {
      if (!(error instanceof ScheduleAlreadyRunning)) throw error;
      await client.schedule.getHandle(schedule.scheduleId).update((previous) => ({
        ...previous,
        spec: schedule.spec,
        action: schedule.action,
        policies: { ...previous.policies, ...schedule.policies },
      }));
      updated.push(schedule.scheduleId);
    }
  }
  return { created, updated };
}
