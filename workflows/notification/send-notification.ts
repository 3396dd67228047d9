import { proxyActivities } from '@temporalio/workflow';
import type { NotificationRequest } from '../../domain/notification/notification';

/** The notification context's task queue: every other context sends its messages through it. */
export const NOTIFICATION_QUEUE = 'notification';

/**
 * The one way a workflow sends a message: the notification context's `sendNotification` activity,
 * by shape. A message is worth a few tries over minutes, never the caller's own progress.
 */
export const notifications = proxyActivities<{
  sendNotification(request: NotificationRequest): Promise<{ notificationId: string; created: boolean }>;
}>({
  taskQueue: NOTIFICATION_QUEUE,
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes', maximumAttempts: 10 },
});
