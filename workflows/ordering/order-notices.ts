import type { NotificationRequest } from '../../domain/notification/notification';
import { formatSeoulDateTime, formatWon } from '../../domain/notification/notification-format';
import { refundMeansText } from '../payment/payment-notices';
import type { OrderLifecycleInput } from './order-lifecycle.messages';

/** The buyer's order messages (고객명 is filled in by the notification context at send time). */
export const buyer = (input: OrderLifecycleInput) => ({
  recipient: { userId: input.userId },
  orderId: input.orderId,
});

export function orderPlacedNotice(input: OrderLifecycleInput): NotificationRequest {
  return {
    templateCode: 'ORDER_PLACED',
    ...buyer(input),
    variables: {
      주문번호: input.orderNumber,
      상품명: input.orderName,
      결제금액: formatWon(input.totalAmount),
      결제기한: formatSeoulDateTime(new Date(input.paymentDueAt)),
    },
    dedupeKey: `order-placed:${input.orderId}`,
  };
}

export function orderAutoCancelledNotice(input: OrderLifecycleInput): NotificationRequest {
  return {
    templateCode: 'ORDER_AUTO_CANCELLED',
    ...buyer(input),
    variables: { 주문번호: input.orderNumber, 상품명: input.orderName },
    dedupeKey: `order-auto-cancelled:${input.orderId}`,
  };
}

export function orderCancelledNotice(
  input: OrderLifecycleInput,
  what: { key: string; itemSummary: string; reason: string },
): NotificationRequest {
  return {
    templateCode: 'ORDER_CANCELLED',
    ...buyer(input),
    variables: { 주문번호: input.orderNumber, 상품명: what.itemSummary, 취소사유: what.reason.slice(0, 60) },
    dedupeKey: `order-cancelled:${input.orderId}:${what.key}`,
  };
}

export function refundCompletedNotice(
  input: OrderLifecycleInput,
  refund: { refundId: string; pgAmount: number; pointsAmount: number; at: Date },
): NotificationRequest {
  return {
    templateCode: 'REFUND_COMPLETED',
    ...buyer(input),
    variables: {
      주문번호: input.orderNumber,
      환불금액: formatWon(refund.pgAmount + refund.pointsAmount),
      환불수단: refundMeansText(input, refund),
      환불일시: formatSeoulDateTime(refund.at),
    },
    dedupeKey: `refund-completed:${refund.refundId}`,
  };
}

export function purchaseAutoConfirmedNotice(
  input: OrderLifecycleInput,
  part: { sellerId: string; itemSummary: string },
): NotificationRequest {
  return {
    templateCode: 'PURCHASE_AUTO_CONFIRMED',
    ...buyer(input),
    variables: { 주문번호: input.orderNumber, 상품명: part.itemSummary },
    dedupeKey: `purchase-auto-confirmed:${input.orderId}:${part.sellerId}`,
  };
}

/** The seller approved the buyer's return (the whole part or some lines); the refund notice follows. */
export function returnApprovedNotice(
  input: OrderLifecycleInput,
  what: { key: string; itemSummary: string; refundAmount: number },
): NotificationRequest {
  return {
    templateCode: 'RETURN_APPROVED',
    ...buyer(input),
    variables: {
      주문번호: input.orderNumber,
      상품명: what.itemSummary,
      환불예정금액: formatWon(what.refundAmount),
    },
    dedupeKey: `return-approved:${input.orderId}:${what.key}`,
  };
}
