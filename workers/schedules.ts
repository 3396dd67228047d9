import { ScheduleAlreadyRunning, type Client, type ScheduleOptions } from '@temporalio/client';
import { INVENTORY_TASK_QUEUE, RESTOCK_SWEEP_SCHEDULE_ID } from '../workflows/inventory/workflow-ids';
import { KPI_ROLLUP_SCHEDULE_ID, KPI_TASK_QUEUE } from '../workflows/kpi/kpi.messages';
import {
  SELLER_DIGEST_SCHEDULE_ID,
  SELLER_DIGEST_TASK_QUEUE,
} from '../workflows/notification/seller-digest.messages';
import { ORDER_SWEEP_SCHEDULE_ID, ORDERING_TASK_QUEUE } from '../workflows/ordering/order-lifecycle.messages';
import { PAYMENT_TASK_QUEUE, POINTS_EXPIRY_SCHEDULE_ID } from '../workflows/payment/points.messages';
import { DATA_RETENTION_SCHEDULE_ID, RETENTION_TASK_QUEUE } from '../workflows/retention/retention.messages';
import {
  SETTLEMENT_TASK_QUEUE,
  WEEKLY_SETTLEMENT_SCHEDULE_ID,
} from '../workflows/settlement/settlement.messages';

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
  {
    // Every Monday 00:00 in Korea: the run settles the week that just ended (docs/settlement.md).
    scheduleId: WEEKLY_SETTLEMENT_SCHEDULE_ID,
    spec: { calendars: [{ dayOfWeek: 'MONDAY', hour: 0, minute: 0 }], timezone: 'Asia/Seoul' },
    action: {
      type: 'startWorkflow',
      workflowType: 'weeklySettlementWorkflow',
      taskQueue: SETTLEMENT_TASK_QUEUE,
      workflowId: WEEKLY_SETTLEMENT_SCHEDULE_ID,
      args: [{}],
    },
    policies: { overlap: 'SKIP', catchupWindow: '1 day' },
  },
  {
    // Daily at 04:00 in Korea, the quietest hour: docs/retention.md.
    scheduleId: DATA_RETENTION_SCHEDULE_ID,
    spec: { calendars: [{ hour: 4, minute: 0 }], timezone: 'Asia/Seoul' },
    action: {
      type: 'startWorkflow',
      workflowType: 'dataRetentionWorkflow',
      taskQueue: RETENTION_TASK_QUEUE,
      workflowId: DATA_RETENTION_SCHEDULE_ID,
      args: [{}],
    },
    policies: { overlap: 'SKIP', catchupWindow: '6 hours' },
  },
  {
    // Daily at 00:10 in Korea: points due by midnight leave the balance (docs/payments.md#points).
    scheduleId: POINTS_EXPIRY_SCHEDULE_ID,
    spec: { calendars: [{ hour: 0, minute: 10 }], timezone: 'Asia/Seoul' },
    action: {
      type: 'startWorkflow',
      workflowType: 'pointsExpiryWorkflow',
      taskQueue: PAYMENT_TASK_QUEUE,
      workflowId: POINTS_EXPIRY_SCHEDULE_ID,
      args: [{}],
    },
    policies: { overlap: 'SKIP', catchupWindow: '1 day' },
  },
  {
    // Every 10 minutes: today's and yesterday's KPI aggregates recomputed (docs/kpis.md).
    scheduleId: KPI_ROLLUP_SCHEDULE_ID,
    spec: { intervals: [{ every: '10 minutes' }] },
    action: {
      type: 'startWorkflow',
      workflowType: 'kpiRollupWorkflow',
      taskQueue: KPI_TASK_QUEUE,
      workflowId: KPI_ROLLUP_SCHEDULE_ID,
      args: [{}],
    },
    policies: { overlap: 'SKIP', catchupWindow: '10 minutes' },
  },
  {
    // Daily at 09:00 in Korea: each seller with waiting work gets its digest e-mail (docs/notifications.md).
    scheduleId: SELLER_DIGEST_SCHEDULE_ID,
    spec: { calendars: [{ hour: 9, minute: 0 }], timezone: 'Asia/Seoul' },
    action: {
      type: 'startWorkflow',
      workflowType: 'sellerDigestWorkflow',
      taskQueue: SELLER_DIGEST_TASK_QUEUE,
      workflowId: SELLER_DIGEST_SCHEDULE_ID,
      args: [{}],
    },
    policies: { overlap: 'SKIP', catchupWindow: '3 hours' },
  },
];

/** The schedules whose workflows run on the given task queues: a worker ensures the ones it serves. */
export function schedulesServedBy(
  queues: readonly string[],
  schedules: ScheduleOptions[] = SCHEDULES,
): ScheduleOptions[] {
  return schedules.filter(
    (schedule) => schedule.action.type === 'startWorkflow' && queues.includes(schedule.action.taskQueue),
  );
}

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
