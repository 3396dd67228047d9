import type { NotificationRequest } from '../../domain/notification/notification';
import { formatSeoulDate } from '../../domain/notification/notification-format';
import { COURIERS, type CourierName } from '../../domain/shipping/courier';
import type { ShipmentInput } from './shipment.messages';

/** The buyer confirms the purchase within this long after delivery, else it is confirmed for them (docs/ordering.md). */
const PURCHASE_CONFIRM_AFTER_MS = 7 * 24 * 3600_000;

/** ORDER_SHIPPED, once per invoice (a corrected invoice is announced again). 고객명 is filled in at send time. */
export function orderShippedNotice(
  input: ShipmentInput,
  parcel: { courier: CourierName; invoiceNumber: string },
): NotificationRequest {
  return {
    templateCode: 'ORDER_SHIPPED',
    recipient: { userId: input.buyerUserId },
    variables: {
      주문번호: input.orderNumber,
      상품명: input.itemSummary,
      택배사: COURIERS[parcel.courier].label,
      송장번호: parcel.invoiceNumber,
    },
    dedupeKey: `order-shipped:${input.orderId}:${input.sellerId}:${parcel.invoiceNumber}`,
    orderId: input.orderId,
  };
}

/** ORDER_DELIVERED with the date the purchase is confirmed automatically (Asia/Seoul). */
export function orderDeliveredNotice(input: ShipmentInput, deliveredAt: Date): NotificationRequest {
  return {
    templateCode: 'ORDER_DELIVERED',
    recipient: { userId: input.buyerUserId },
    variables: {
      주문번호: input.orderNumber,
      상품명: input.itemSummary,
      구매확정기한: formatSeoulDate(new Date(deliveredAt.getTime() + PURCHASE_CONFIRM_AFTER_MS)),
    },
    dedupeKey: `order-delivered:${input.orderId}:${input.sellerId}`,
    orderId: input.orderId,
  };
}
