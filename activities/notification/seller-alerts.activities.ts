import {
  sellerAlertRecipients,
  sellerAlertRequests,
  type AlertGrant,
  type NotificationRequest,
  type SellerAlert,
} from '../../domain/notification';

export interface SellerAlertActivityDeps {
  /** Every grant the seller has given (revoked ones included; the rule filters them). */
  grantsOf(sellerId: string): Promise<readonly AlertGrant[]>;
  /** The notification context's own send: stored once per dedupe key and delivered in this activity (docs/notifications.md#two-delivery-paths). */
  send(request: NotificationRequest): Promise<{ notificationId: string; created: boolean }>;
}

/** One activity fans a seller alert out to the seller and its ORDERS managers (no child workflow per order). */
export function createSellerAlertActivities(deps: SellerAlertActivityDeps) {
  return {
    async sendSellerAlert(alert: SellerAlert): Promise<{ recipients: number }> {
      const recipients = sellerAlertRecipients(alert.sellerId, await deps.grantsOf(alert.sellerId));
      // Each send is deduplicated by its key, so a retried activity sends nobody twice.
      for (const request of sellerAlertRequests(alert, recipients)) await deps.send(request);
      return { recipients: recipients.length };
    },
  };
}
