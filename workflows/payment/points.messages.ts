/** The daily points expiry (docs/payments.md#points): its schedule id, also its workflow id. */
export const POINTS_EXPIRY_SCHEDULE_ID = 'points-expiry';
export { PAYMENT_TASK_QUEUE } from '../shared/task-queues';
