import type { NotificationRequest } from '../../domain/notification/notification';
import type { OrderNotices } from '../../domain/notification/order-notices';
import { notifications } from '../../workflows/notification/send-notification';

export * from '../../workflows';

/**
 * A caller like every workflow that sends a message: the `sendNotification` activity on the
 * notification queue, with the retry policy production callers use (NOTIFICATION_RETRY).
 */
export async function noticeCallerWorkflow(
  request: NotificationRequest,
): Promise<{ notificationId: string; created: boolean }> {
  return notifications.sendNotification(request);
}

/** A caller of `sendOrderNotices`, as OrderLifecycle sends an order's messages at payment. */
export async function orderNoticesCallerWorkflow(batch: OrderNotices): Promise<{ sent: number }> {
  return notifications.sendOrderNotices(batch);
}
