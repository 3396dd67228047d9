import { CancellationScope, log, proxyActivities } from '@temporalio/workflow';
import { formatWon } from '../../domain/notification/notification-format';
import type { SellerAlert } from '../../domain/notification/seller-alert';
import { exchangeItemText, type ExchangeItem } from '../../domain/ordering/exchange';
import { NOTIFICATION_RETRY } from '../shared/activity-options';
import { NOTIFICATION_TASK_QUEUE } from '../shared/task-queues';
import type { OrderState, PartState } from './order-state';

/** Patch id (docs/ordering.md, "Changing a workflow"): orders started before it alert no seller. */
export const SELLER_ALERTS = 'seller-alerts';

/** The notification context fans each alert out to the seller and its ORDERS managers in one activity. */
const alerts = proxyActivities<{ sendSellerAlert(alert: SellerAlert): Promise<{ recipients: number }> }>({
  taskQueue: NOTIFICATION_TASK_QUEUE,
  startToCloseTimeout: '1 minute',
  retry: NOTIFICATION_RETRY,
});

/** Off the order's path like the buyer's messages; the workflow awaits them before it ends. */
function alertSeller(order: OrderState, alert: Omit<SellerAlert, 'orderId'>): void {
  if (!order.has(SELLER_ALERTS)) return;
  const sent = CancellationScope.nonCancellable(() =>
    alerts.sendSellerAlert({ ...alert, orderId: order.orderId }),
  ).then(
    () => undefined,
    (error: unknown) =>
      log.warn('seller alert not sent', {
        orderId: order.orderId,
        templateCode: alert.templateCode,
        error: String(error),
      }),
  );
  order.alerts.push(sent);
}

/** The seller's own lines and amount only: another seller's part of the order is none of its business. */
export function newPaidOrderAlert(order: OrderState, part: PartState): SellerAlert {
  return {
    sellerId: part.def.sellerId,
    templateCode: 'SELLER_NEW_ORDER',
    variables: {
      주문번호: order.input.orderNumber,
      상품명: part.def.itemSummary,
      주문금액: formatWon(part.def.subtotal + (part.def.shippingFee ?? 0)),
    },
    dedupeKey: `seller-new-order:${order.orderId}:${part.def.sellerId}`,
    orderId: order.orderId,
  };
}

export function alertNewPaidOrder(order: OrderState, part: PartState): void {
  alertSeller(order, newPaidOrderAlert(order, part));
}

export function alertBuyerCancelled(order: OrderState, part: PartState, reason: string, key: string): void {
  alertSeller(order, {
    sellerId: part.def.sellerId,
    templateCode: 'SELLER_ORDER_CANCELLED',
    variables: {
      주문번호: order.input.orderNumber,
      상품명: part.def.itemSummary,
      취소사유: reason.slice(0, 60),
    },
    dedupeKey: `seller-cancelled:${order.orderId}:${part.def.sellerId}:${key}`,
  });
}

export function alertReturnRequested(
  order: OrderState,
  part: PartState,
  request: { returnId: string; reason: string; lineIds?: string[] },
): void {
  const lines = request.lineIds?.length
    ? part.def.lines.filter((line) => request.lineIds!.includes(line.orderLineId))
    : [];
  const items = lines.length
    ? lines.map((line) => `${line.productName} ${line.quantity}개`).join(', ')
    : part.def.itemSummary;
  alertSeller(order, {
    sellerId: part.def.sellerId,
    templateCode: 'SELLER_RETURN_REQUESTED',
    variables: { 주문번호: order.input.orderNumber, 상품명: items, 반품사유: request.reason.slice(0, 60) },
    dedupeKey: `seller-return:${request.returnId}`,
  });
}

export function alertExchangeRequested(
  order: OrderState,
  part: PartState,
  request: { exchangeId: string; reason: string; items: ExchangeItem[] },
): void {
  alertSeller(order, {
    sellerId: part.def.sellerId,
    templateCode: 'SELLER_EXCHANGE_REQUESTED',
    variables: {
      주문번호: order.input.orderNumber,
      교환상품: exchangeItemText(request.items).slice(0, 100),
      교환사유: request.reason.slice(0, 60),
    },
    dedupeKey: `seller-exchange:${request.exchangeId}`,
  });
}
