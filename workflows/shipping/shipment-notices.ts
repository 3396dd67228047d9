import type { NotificationRequest } from '../../domain/notification/notification';
import { formatSeoulDate } from '../../domain/notification/notification-format';
import { COURIERS, type CourierName } from '../../domain/shipping/courier';
import type { ShipmentInput } from './shipment.messages';

/** The buyer confirms the purchase within this long after delivery, else it is confirmed for them (docs/ordering.md). */
const PURCHASE_CONFIRM_AFTER_MS = 7 * 24 * 3600_000;

/**
 * ORDER_SHIPPED, once per invoice (a corrected invoice is announced again); an exchange's replacement
 * is EXCHANGE_RESHIPPED instead. 고객명 is filled in at send time.
 */
export function orderShippedNotice(
  input: ShipmentInput,
  parcel: { courier: CourierName; invoiceNumber: string },
): NotificationRequest {
  const courier = { 택배사: COURIERS[parcel.courier].label, 송장번호: parcel.invoiceNumber };
  const common = { recipient: { userId: input.buyerUserId }, orderId: input.orderId };
  if (input.exchangeId)
    return {
      templateCode: 'EXCHANGE_RESHIPPED',
      ...common,
      variables: { 주문번호: input.orderNumber, 교환상품: input.itemSummary.slice(0, 100), ...courier },
      // The key OrderLifecycle used before the Shipment sent it: never announced twice.
      dedupeKey: `exchange-reshipped:${input.exchangeId}:${parcel.invoiceNumber}`,
    };
  return {
    templateCode: 'ORDER_SHIPPED',
    ...common,
    variables: { 주문번호: input.orderNumber, 상품명: input.itemSummary, ...courier },
    dedupeKey: `order-shipped:${input.orderId}:${input.sellerId}:${parcel.invoiceNumber}`,
  };
}

/** ORDER_DELIVERED with the date the purchase is confirmed automatically (Asia/Seoul); a replacement says so. */
export function orderDeliveredNotice(input: ShipmentInput, deliveredAt: Date): NotificationRequest {
  const first = `order-delivered:${input.orderId}:${input.sellerId}`;
  return {
    templateCode: 'ORDER_DELIVERED',
    recipient: { userId: input.buyerUserId },
    variables: {
      주문번호: input.orderNumber,
      상품명: input.exchangeId ? `교환 상품 ${input.itemSummary}`.slice(0, 200) : input.itemSummary,
      구매확정기한: formatSeoulDate(new Date(deliveredAt.getTime() + PURCHASE_CONFIRM_AFTER_MS)),
    },
    dedupeKey: input.exchangeId ? `${first}:exchange:${input.exchangeId}` : first,
    orderId: input.orderId,
  };
}
