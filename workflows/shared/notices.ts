import { ActivityFailure, CancellationScope, log } from '@temporalio/workflow';
import type { OrderNotices } from '../../domain/notification/order-notices';
import type { NotificationRequest } from '../../domain/notification/notification';
import { notifications } from '../notification/send-notification';

export interface NoticeOptions {
  /** Sent even while the caller is being cancelled (a message owed before the cancel). */
  shielded?: boolean;
  /** Only a failed send is swallowed: anything else (the caller's cancellation) goes on up. */
  onlySendFailures?: boolean;
}

/** A message is owed but never blocks or fails the caller: a send that failed is logged (and kept in the send log). */
export function sendNotice(request: NotificationRequest, options: NoticeOptions = {}): Promise<void> {
  return owed(() => notifications.sendNotification(request), request, options);
}

/** Several messages of one order owed at once, in one activity, with the same promise as `sendNotice`. */
export function sendOrderNotices(batch: OrderNotices, options: NoticeOptions = {}): Promise<void> {
  const messages = [...batch.notices, ...batch.sellerAlerts];
  const what = {
    orderId: messages[0]?.orderId,
    templateCode: messages.map((m) => m.templateCode).join(','),
    dedupeKey: messages.map((m) => m.dedupeKey).join(','),
  };
  return owed(() => notifications.sendOrderNotices(batch), what, options);
}

async function owed(
  send: () => Promise<unknown>,
  what: { orderId?: string; templateCode: string; dedupeKey: string },
  options: NoticeOptions,
): Promise<void> {
  try {
    if (options.shielded) await CancellationScope.nonCancellable(send);
    else await send();
  } catch (error) {
    if (options.onlySendFailures && !(error instanceof ActivityFailure)) throw error;
    log.warn('notification not sent', {
      orderId: what.orderId,
      templateCode: what.templateCode,
      dedupeKey: what.dedupeKey,
      error: String(error),
    });
  }
}
