import { ActivityFailure, CancellationScope, log } from '@temporalio/workflow';
import type { NotificationRequest } from '../../domain/notification/notification';
import { notifications } from '../notification/send-notification';

export interface NoticeOptions {
  /** Sent even while the caller is being cancelled (a message owed before the cancel). */
  shielded?: boolean;
  /** Only a failed send is swallowed: anything else (the caller's cancellation) goes on up. */
  onlySendFailures?: boolean;
}

/** A message is owed but never blocks or fails the caller: a send that failed is logged (and kept in the send log). */
export async function sendNotice(request: NotificationRequest, options: NoticeOptions = {}): Promise<void> {
  try {
    if (options.shielded)
      await CancellationScope.nonCancellable(() => notifications.sendNotification(request));
    else await notifications.sendNotification(request);
  } catch (error) {
    if (options.onlySendFailures && !(error instanceof ActivityFailure)) throw error;
    log.warn('notification not sent', {
      orderId: request.orderId,
      templateCode: request.templateCode,
      dedupeKey: request.dedupeKey,
      error: String(error),
    });
  }
}
