import type { NotificationRequest } from './notification';
import type { SellerAlertTemplate } from './notification-templates';

/**
 * Something a seller must hear of (a paid order, a buyer's cancel, a return request, low stock).
 * It goes to the seller's own account and to every manager acting for it with the ORDERS
 * permission, each as its own AlimTalk (SMS fallback), deduplicated per recipient.
 */
export interface SellerAlert {
  sellerId: string;
  templateCode: SellerAlertTemplate;
  variables: Record<string, string | number>;
  /** The event's key; each recipient's message is keyed `<dedupeKey>:<userId>`. */
  dedupeKey: string;
  orderId?: string;
}

/** The part of a manager's grant that decides whether it hears of orders. */
export interface AlertGrant {
  managerId: string;
  permissions: readonly string[];
  revokedAt: Date | null;
}

/** The seller first, then its managers with ORDERS whose grant is not revoked, each once. */
export function sellerAlertRecipients(sellerId: string, grants: readonly AlertGrant[]): string[] {
  const managers = grants
    .filter((grant) => grant.revokedAt === null && grant.permissions.includes('ORDERS'))
    .map((grant) => grant.managerId);
  return [...new Set([sellerId, ...managers])];
}

export function sellerAlertRequests(
  alert: SellerAlert,
  recipients: readonly string[],
): NotificationRequest[] {
  return recipients.map((userId) => ({
    templateCode: alert.templateCode,
    recipient: { userId },
    variables: alert.variables,
    dedupeKey: `${alert.dedupeKey}:${userId}`,
    ...(alert.orderId ? { orderId: alert.orderId } : {}),
  }));
}
