import { proxyActivities } from '@temporalio/workflow';
import type { OrderNotices } from '../../domain/notification/order-notices';
import type { NotificationRequest } from '../../domain/notification/notification';
import { NOTIFICATION_RETRY } from '../shared/activity-options';
import { NOTIFICATION_TASK_QUEUE } from '../shared/task-queues';

/** The notification context's task queue: every other context sends its messages through it. */
export const NOTIFICATION_QUEUE = NOTIFICATION_TASK_QUEUE;

/**
 * The one way a workflow sends a message: the notification context's `sendNotification` activity,
 * by shape. A message is worth a few tries over minutes, never the caller's own progress
 * (workflows/shared/notices.ts sends one without blocking).
 */
export const notifications = proxyActivities<{
  sendNotification(request: NotificationRequest): Promise<{ notificationId: string; created: boolean }>;
  /** Several messages of one order in one task (docs/notifications.md#an-orders-messages-together). */
  sendOrderNotices(batch: OrderNotices): Promise<{ sent: number }>;
}>({
  taskQueue: NOTIFICATION_TASK_QUEUE,
  startToCloseTimeout: '1 minute',
  retry: NOTIFICATION_RETRY,
});
