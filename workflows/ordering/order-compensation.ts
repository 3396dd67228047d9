import { log } from '@temporalio/workflow';
import { PART_TRANSITIONS } from '../../domain/ordering/order-status';
import { cancelRefund, type RefundablePart } from '../../domain/ordering/refund-rules';
import { splitRefund } from '../../domain/ordering/refund-split';
import type { NotificationRequest } from '../../domain/notification/notification';
import type { CancelRequest } from './order-lifecycle.messages';
import {
  orderAutoCancelledNotice,
  orderCancelledNotice,
  refundCompletedNotice,
  returnApprovedNotice,
} from './order-notices';
import { payments, shipments, steps } from './order-proxies';
import type { PaymentPhaseOutcome } from './order-payment-phase';
import { isTerminal, type OrderState, type PartState, type UndoScope } from './order-state';

/**
 * Patch ids (docs/ordering.md, "Changing a workflow"): the buyer hears of the cancel, or of the
 * approved return, before the refund. The refund itself never waits for a message; only its notice
 * is sent after the first message's send has completed. Histories before these sent the refund
 * notice first (cancel) or no return notice at all.
 */
export const CANCEL_NOTICE_FIRST = 'cancel-notice-before-refund';
export const RETURN_NOTICE_FIRST = 'return-approved-notice-before-refund';
/**
 * Patch ids: the refund notice names the notice it follows, so the notification context delivers
 * it only once that one's delivery has ended (docs/notifications.md); the operator's cancel from the
 * Temporal UI sends the cancel notice first, like the other cancels (it sent none before).
 */
export const REFUND_NOTICE_FOLLOWS = 'refund-notice-follows-its-predecessor';
export const OPERATOR_CANCEL_NOTICE = 'operator-cancel-notice';

/** The message the buyer must read before the refund's: its send, and its dedupe key. */
interface NoticeFirst {
  sent: Promise<void>;
  dedupeKey: string;
}

/** An undo scope whose refund notice waits for the message the buyer must read first. */
type NoticedScope = UndoScope & { noticeFirst?: NoticeFirst };

/** Starts sending the notice, shielded from cancellation (order.notify). */
function startNotice(order: OrderState, request: NotificationRequest): NoticeFirst {
  return { sent: order.notify(request), dedupeKey: request.dedupeKey };
}

/**
 * What was done for an order is undone newest first from its undo stack (workflows/shared/undo-stack.ts):
 * the reservation (released) until the stock is committed; the payment (refunded); the committed
 * stock (put back); the shipments (stopped). Unlike a payment attempt's, an order's stack is not
 * used up by an unwind: parts are given up one cancel or return at a time.
 */
export function pushReservationUndo(order: OrderState) {
  return order.undos.push('releaseStock', () => steps.releaseStock({ orderId: order.orderId }));
}

export function pushRefundUndo(order: OrderState): void {
  order.undos.push('refundPayment', (scope: NoticedScope) =>
    refund(order, scope.refundId, scope.amount, scope.reason, scope.noticeFirst),
  );
}

export function pushSaleUndos(order: OrderState): void {
  order.undos.push('restockLines', async (scope) => {
    for (const part of scope.parts)
      await steps.restockLines({
        restockId: scope.restockIdOf(part),
        lines: restockLinesOf(part, scope.partialLineIds),
      });
  });
  order.undos.push('stopShipments', async (scope) => {
    if (scope.partialLineIds) return;
    for (const part of scope.parts) {
      if (part.shipmentScope) part.shipmentScope.cancel();
      // Generation 3: no Shipment yet (no invoice), only its row to close.
      else if (part.shipmentId !== undefined) await shipments.cancelShipment({ shipmentId: part.shipmentId });
    }
  });
}

/** The part's lines still held by the buyer (or the partial return's), as restock takes them. */
const restockLinesOf = (part: PartState, only?: readonly string[]) =>
  part.def.lines
    .filter((line) =>
      only ? only.includes(line.orderLineId) : !part.returnedLineIds.includes(line.orderLineId),
    )
    .map((line) => ({ variantId: line.variantId, quantity: line.quantity }));

async function refund(
  order: OrderState,
  refundId: string,
  amount: number,
  reason: string,
  noticeFirst?: NoticeFirst,
): Promise<void> {
  const { paid } = order;
  if (amount <= 0 || !paid) return;
  const split = splitRefund(amount, order.balances);
  const pgBalanceBefore = order.balances.pg;
  order.balances = split.after;
  order.refunds.push({ refundId, amount });
  const done = await payments.refundPayment({
    orderId: order.orderId,
    userId: order.input.userId,
    attempt: paid.attempt,
    refundId,
    pgAmount: split.pgAmount,
    pgBalanceBefore,
    pointsAmount: split.pointsAmount,
    reason,
  });
  if (done.status === 'FAILED') {
    // The PG refused: the activity parked it (dead letter, metric, the refund shown FAILED on the
    // order). The cancel or return stands; an operator's retry gives the money back.
    log.error('refund refused by the PG: parked for an operator', {
      orderId: order.orderId,
      refundId,
      code: done.code,
      deadLetterId: done.deadLetterId,
    });
    return;
  }
  await noticeFirst?.sent;
  const notice = refundCompletedNotice(order.input, {
    refundId,
    pgAmount: split.pgAmount,
    pointsAmount: split.pointsAmount,
    at: new Date(done.refundedAt),
  });
  if (noticeFirst && order.has(REFUND_NOTICE_FOLLOWS)) notice.after = noticeFirst.dedupeKey;
  await order.notify(notice);
}

/** Undo of paid parts (cancel): their shipments stop, their units go back, goods and shipping are refunded. */
function undoPaidParts(
  order: OrderState,
  parts: PartState[],
  key: string,
  reason: string,
  noticeFirst?: NoticeFirst,
): Promise<void> {
  const scope: NoticedScope = {
    noticeFirst,
    parts,
    refundId: `${order.orderId}:${key}`,
    amount: parts.reduce((sum, part) => sum + cancelRefund(refundablePartOf(part)).refundAmount, 0),
    reason,
    // One restock per part and purpose (a part is cancelled at most once).
    restockIdOf: (part) => `cancel:${order.orderId}:${order.input.parts.indexOf(part.def)}`,
  };
  return order.undos.unwind(scope);
}

/**
 * An approved return: the part's shipment stops, its units go back, the refund the rules computed
 * is paid. A partial return puts back only its lines and lets the shipment go on.
 */
export async function undoReturnedPart(
  order: OrderState,
  part: PartState,
  key: string,
  refundAmount: number,
  reason: string,
  partialLineIds?: readonly string[],
): Promise<void> {
  const scope: NoticedScope = {
    parts: [part],
    refundId: `${order.orderId}:${key}`,
    amount: refundAmount,
    reason,
    restockIdOf: () => key,
    partialLineIds,
  };
  if (!order.has(RETURN_NOTICE_FIRST)) return order.undos.unwind(scope);
  const items = partialLineIds
    ? part.def.lines.filter((line) => partialLineIds.includes(line.orderLineId)).map((l) => l.productName)
    : [part.def.itemSummary];
  const approved = startNotice(
    order,
    returnApprovedNotice(order.input, { key, itemSummary: items.join(', ').slice(0, 60), refundAmount }),
  );
  scope.noticeFirst = approved;
  await order.undos.unwind(scope);
  await approved.sent;
}

/** The part as the refund rules see it: the lines the buyer still holds, the shipping charged, the policy when ordered. */
export function refundablePartOf(part: PartState): RefundablePart {
  const { def } = part;
  return {
    lines: def.lines
      .filter((line) => !part.returnedLineIds.includes(line.orderLineId))
      .map((line) => ({
        orderLineId: line.orderLineId,
        productId: line.productId ?? line.orderLineId,
        lineAmount: line.amount,
        shippingFee: line.shippingFee,
        bundleShipping: line.bundleShipping,
      })),
    shippingFee: def.shippingFee ?? 0,
    policy: def.shippingPolicy ?? null,
  };
}

export async function cancelPaid(order: OrderState, request: CancelRequest, key: string): Promise<void> {
  const targets = request.sellerId
    ? [order.partOf(request.sellerId)]
    : order.allParts.filter((p) => p.status !== 'CANCELLED');
  for (const part of targets) order.requireAllowed(part, 'CANCEL');
  await order.record('CANCEL', key, {
    sellerId: request.sellerId,
    actorId: request.actorId,
    reason: request.reason,
  });
  const notice = orderCancelledNotice(order.input, {
    key,
    itemSummary: targets.map((p) => p.def.itemSummary).join(', '),
    reason: request.reason,
  });
  if (!order.has(CANCEL_NOTICE_FIRST)) {
    await undoPaidParts(order, targets, key, request.reason);
    await order.notify(notice);
    return;
  }
  const cancelled = startNotice(order, notice);
  await undoPaidParts(order, targets, key, request.reason, cancelled);
  await cancelled.sent;
}

/** The payment phase ended without a payment: the reservation is released and the order closed. */
export async function closeUnpaid(order: OrderState, outcome: Exclude<PaymentPhaseOutcome, 'PAID'>) {
  const { input } = order;
  await order.undos.unwind({ parts: [], refundId: '', amount: 0, reason: '', restockIdOf: () => '' });
  if (outcome === 'EXPIRED') {
    await order.record('EXPIRE_PAYMENT', 'expired', { reason: '30분 내 미결제 자동 취소' });
    await order.notify(orderAutoCancelledNotice(input));
  } else if (outcome === 'CANCELLED') {
    const request = order.cancelBeforePayment!;
    await order.record('CANCEL', 'cancel:all', { actorId: request.actorId, reason: request.reason });
    await order.notify(
      orderCancelledNotice(input, { key: 'all', itemSummary: input.orderName, reason: request.reason }),
    );
  } else {
    await order.record('FAIL_PAYMENT', 'payment-failed', { reason: order.paymentFailure?.code ?? null });
  }
}

/**
 * The workflow itself was cancelled (an operator in the Temporal UI): every part that may still be
 * cancelled is, and what was done for it is undone newest first (shipments stop with this scope).
 * A payment still in flight undoes itself (its child is cancelled with this workflow). The buyer
 * hears of the cancel first, then of the refund.
 */
export async function compensateAll(order: OrderState): Promise<void> {
  const reason = '운영자에 의한 주문 취소';
  const cancellable = order.allParts.filter((p) => PART_TRANSITIONS[p.status].CANCEL);
  const stuck = order.allParts.filter((p) => !isTerminal(p.status) && !PART_TRANSITIONS[p.status].CANCEL);
  if (stuck.length > 0)
    log.error('order workflow cancelled with parts past shipping: handle them by hand', {
      orderId: order.orderId,
      parts: stuck.map((p) => `${p.def.sellerId}:${p.status}`),
    });
  for (const part of cancellable)
    await order.record('CANCEL', `cancel:workflow:${part.def.sellerId}`, {
      sellerId: part.def.sellerId,
      reason,
    });
  const cancelled =
    cancellable.length > 0 && order.has(OPERATOR_CANCEL_NOTICE)
      ? startNotice(
          order,
          orderCancelledNotice(order.input, {
            key: 'cancel:workflow',
            itemSummary: cancellable.map((p) => p.def.itemSummary).join(', '),
            reason,
          }),
        )
      : undefined;
  if (order.committed) {
    if (cancellable.length > 0) await undoPaidParts(order, cancellable, 'cancel:workflow', reason, cancelled);
  } else {
    // Not committed yet: the refund (if paid) is the newest step, then the reservation is released.
    const scope: NoticedScope = {
      parts: cancellable,
      refundId: `${order.orderId}:cancel:workflow`,
      amount: order.balances.pg + order.balances.points,
      reason,
      restockIdOf: () => '',
      noticeFirst: cancelled,
    };
    await order.undos.unwind(scope);
  }
  await cancelled?.sent;
}
