/** Workflow ids of the inventory context, built from business keys (one hold per waiting-queue entry). */
export const restockHoldWorkflowId = (variantId: string, entryId: string): string =>
  `restock-hold:${variantId}:${entryId}`;

export const INVENTORY_TASK_QUEUE = 'inventory';

/** The Temporal Schedule that re-offers holds on waiting queues (see restockSweepWorkflow). */
export const RESTOCK_SWEEP_SCHEDULE_ID = 'restock-hold-sweep';
