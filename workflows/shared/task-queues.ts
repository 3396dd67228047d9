/**
 * One task queue per bounded context with durable work; a worker process serves the ones named on
 * its command line. Identity and catalog have none: they live in the API alone. Never rename one:
 * running workflows and their activities are bound to these names.
 */
export const INVENTORY_TASK_QUEUE = 'inventory';
export const ORDERING_TASK_QUEUE = 'ordering';
export const PAYMENT_TASK_QUEUE = 'payment';
export const SHIPPING_TASK_QUEUE = 'shipping';
export const SETTLEMENT_TASK_QUEUE = 'settlement';
export const NOTIFICATION_TASK_QUEUE = 'notification';
export const CHAT_TASK_QUEUE = 'chat';
/** Data retention (docs/retention.md): it reads across contexts, so it runs on a queue of its own. */
export const RETENTION_TASK_QUEUE = 'retention';

export const TASK_QUEUES = [
  INVENTORY_TASK_QUEUE,
  ORDERING_TASK_QUEUE,
  PAYMENT_TASK_QUEUE,
  SHIPPING_TASK_QUEUE,
  SETTLEMENT_TASK_QUEUE,
  NOTIFICATION_TASK_QUEUE,
  CHAT_TASK_QUEUE,
  RETENTION_TASK_QUEUE,
] as const;

export type TaskQueue = (typeof TASK_QUEUES)[number];
