import {
  allHandlersFinished,
  CancellationScope,
  condition,
  isCancellation,
  setHandler,
} from '@temporalio/workflow';
import { paymentCompletedNotice } from '../payment/payment-notices';
import { pgStatusChangedSignal } from '../payment/payment.messages';
import { handleOrderCommands } from './order-commands';
import { handleExchangeCommands } from './order-exchanges';
import {
  closeUnpaid,
  compensateAll,
  pushRefundUndo,
  pushReservationUndo,
  pushSaleUndos,
} from './order-compensation';
import type { OrderLifecycleInput, OrderLifecycleState } from './order-lifecycle.messages';
import {
  attemptInputOf,
  handlePaymentCommands,
  PAYMENT_REMINDER_AFTER_MS,
  runPaymentPhase,
  sendPlacedNotice,
} from './order-payment-phase';
import { PAID_NOTICES_TOGETHER, PAYMENT_REMINDER_WHEN_UNPAID, SHIPMENT_AT_INVOICE } from './order-generation';
import { followPart, openShipment, startShipment } from './order-part-journey';
import { steps } from './order-proxies';
import { alertNewPaidOrder, newPaidOrderAlert } from './order-seller-alerts';
import { isTerminal, OrderState } from './order-state';

export { AUTO_CONFIRM_AFTER_MS, SETTLEMENT_HOLD_MS } from './order-part-journey';

/** Patch id (docs/ordering.md, "Changing a workflow"): order-placed and receipt messages sent without awaiting them. */
export const NOTICES_OFF_ORDER_PATH = 'order-notices-off-path';

/**
 * OrderLifecycle (docs/ordering.md): waits up to 30 minutes for the buyer's payment (never expiring
 * an attempt in flight), settles the payment attempt (in this workflow from generation 3, before as
 * a PaymentAttempt child), commits or releases the stock, then per seller follows the Shipment child
 * (started with the seller's invoice from generation 3) to delivery, waits for purchase confirmation (buyer or 7 days),
 * holds the money 7 days and hands the lines to settlement. People's commands arrive as updates
 * (order-commands.ts). Cancels and returns undo what was done in reverse order from the order's
 * undo stack (order-compensation.ts), also when the workflow itself is cancelled.
 */
export async function orderLifecycleWorkflow(input: OrderLifecycleInput): Promise<OrderLifecycleState> {
  const order = new OrderState(input);
  const { orderId } = order;
  const reservation = pushReservationUndo(order);
  pushRefundUndo(order);
  handlePaymentCommands(order);
  handleOrderCommands(order);
  handleExchangeCommands(order);
  setHandler(pgStatusChangedSignal, () => order.pgWake.mark());

  try {
    // Messages never hold up the order (a stalled send after a worker crash kept paid orders
    // PENDING_PAYMENT for a minute); histories recorded before this patch awaited them.
    const offPath = order.has(NOTICES_OFF_ORDER_PATH);
    // Generation 5: a buyer who pays within minutes is not asked to pay; the receipt tells the rest.
    if (order.has(PAYMENT_REMINDER_WHEN_UNPAID)) order.remindAtMs = Date.now() + PAYMENT_REMINDER_AFTER_MS;
    else sendPlacedNotice(order);
    if (!offPath) await order.placedNotice;
    const outcome = await runPaymentPhase(order);
    if (outcome !== 'PAID') {
      order.phase = 'ENDED';
      await order.exclusive(() => closeUnpaid(order, outcome));
      order.paymentSettled = true;
      await order.placedNotice;
      await condition(allHandlersFinished);
      return order.result();
    }

    const paid = order.paid!;
    // Generation 3: the Shipment child starts with the seller's invoice (order-commands.ts).
    const shipAtInvoice = order.has(SHIPMENT_AT_INVOICE);
    order.balances = { pg: paid.pgAmount, points: paid.pointsAmount };
    const receiptNotice = paymentCompletedNotice(
      attemptInputOf(order, paid.attempt),
      new Date(paid.approvedAt),
    );
    // Generation 4: the receipt goes with the sellers' alerts once the order is PAID, in one activity.
    const together = order.has(PAID_NOTICES_TOGETHER);
    let receipt = together ? Promise.resolve() : order.notify(receiptNotice);
    await order.exclusive(async () => {
      await steps.commitStock({ orderId });
      order.committed = true;
      order.undos.drop(reservation);
      pushSaleUndos(order);
      await order.record('MARK_PAID', 'paid', { reason: `attempt ${paid.attempt}` });
      order.phase = 'PAID';
      if (shipAtInvoice)
        for (const part of order.allParts) if (!isTerminal(part.status)) await openShipment(order, part);
    });
    order.paymentSettled = true;
    if (together)
      receipt = order.notifyTogether({
        notices: [receiptNotice],
        sellerAlerts: order.allParts.map((part) => newPaidOrderAlert(order, part)),
      });
    else for (const part of order.allParts) alertNewPaidOrder(order, part);
    if (!offPath) await receipt;
    if (!shipAtInvoice)
      for (const part of order.allParts) if (!isTerminal(part.status)) startShipment(order, part);
    await Promise.all(order.allParts.map((part) => followPart(order, part)));
    await receipt;
    order.phase = 'ENDED';
    await condition(allHandlersFinished);
    await Promise.all([...order.alerts, order.placedNotice]);
    return order.result();
  } catch (error) {
    if (isCancellation(error)) {
      await CancellationScope.nonCancellable(() => compensateAll(order));
      await Promise.all(order.inlineRuns.values());
    }
    throw error;
  }
}
