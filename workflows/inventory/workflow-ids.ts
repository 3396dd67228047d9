/** The inventory context's workflow ids, task queue and schedule. */
export { INVENTORY_TASK_QUEUE } from '../shared/task-queues';
export { restockHoldWorkflowId } from '../shared/workflow-ids';

/** The Temporal Schedule that re-offers holds on waiting queues (see restockSweepWorkflow). */
export const RESTOCK_SWEEP_SCHEDULE_ID = 'restock-hold-sweep';
