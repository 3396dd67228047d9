import { ApplicationFailure } from '@temporalio/activity';
import type { NotificationRequest, OrderNotices, SellerAlert } from '../../domain/notification';

export interface OrderNoticeActivityDeps {
  sendNotification(request: NotificationRequest): Promise<{ notificationId: string; created: boolean }>;
  sendSellerAlert(alert: SellerAlert): Promise<{ recipients: number }>;
}

const refused = (error: unknown): error is ApplicationFailure =>
  error instanceof ApplicationFailure && error.nonRetryable === true;

/**
 * Several messages of one order in one activity: one task and one completion for the workflow
 * instead of one each (docs/notifications.md#an-orders-messages-together). Every send is
 * deduplicated by its key, so a retry after a transient failure sends nobody twice; a message the
 * notification context refuses does not keep the others from going, and is reported after them.
 */
export function createOrderNoticeActivities(deps: OrderNoticeActivityDeps) {
  return {
    async sendOrderNotices(input: OrderNotices): Promise<{ sent: number }> {
      const refusals: ApplicationFailure[] = [];
      const sends = [
        ...input.notices.map((notice) => () => deps.sendNotification(notice)),
        ...input.sellerAlerts.map((alert) => () => deps.sendSellerAlert(alert)),
      ];
      for (const send of sends) {
        try {
          await send();
        } catch (error) {
          if (!refused(error)) throw error;
          refusals.push(error);
        }
      }
      if (refusals.length > 0)
        throw ApplicationFailure.nonRetryable(
          refusals.map((failure) => failure.message).join('; '),
          refusals[0]!.type ?? 'NOTIFICATION_REFUSED',
        );
      return { sent: sends.length };
    },
  };
}
