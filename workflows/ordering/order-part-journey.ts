import { CancellationScope, condition, isCancellation, log, sleep, startChild } from '@temporalio/workflow';
import { isExchangePending, PART_TRANSITIONS } from '../../domain/ordering/order-status';
import { SHIPPING_TASK_QUEUE } from '../shared/task-queues';
import { shipmentWorkflowId } from '../shared/workflow-ids';
import type { InvoiceRegistration, ShipmentInput } from '../shipping/shipment.messages';
import type { shipmentWorkflow, ShipmentCarryOver } from '../shipping/shipment.workflow';
import { purchaseAutoConfirmedNotice } from './order-notices';
import { settlement, shipments } from './order-proxies';
import { earnPointsForPart } from './order-points';
import { isTerminal, type OrderState, type PartState } from './order-state';

/** After delivery the buyer has 7 days to confirm (or return); then the purchase confirms itself. */
export const AUTO_CONFIRM_AFTER_MS = 7 * 24 * 3600_000;
/** A confirmed purchase becomes payable to the seller 7 days later (docs/settlement.md). */
export const SETTLEMENT_HOLD_MS = 7 * 24 * 3600_000;

function shipmentInputOf(order: OrderState, part: PartState): ShipmentInput {
  return {
    orderId: order.orderId,
    orderNumber: order.input.orderNumber,
    sellerId: part.def.sellerId,
    buyerUserId: order.input.userId,
    itemSummary: part.def.itemSummary,
  };
}

/** Generation 3: the part's shipment row (the seller's to-ship list) at payment, no workflow yet. */
export async function openShipment(order: OrderState, part: PartState): Promise<void> {
  part.shipmentId = (await shipments.openShipment(shipmentInputOf(order, part))).shipmentId;
}

/**
 * The part's Shipment child, in a scope of its own: a cancel or a return of the part stops it.
 * Started at payment (generations before 3), or with the seller's invoice on the opened row.
 */
export function startShipment(order: OrderState, part: PartState, invoice?: InvoiceRegistration): void {
  const { orderId } = order;
  const input = shipmentInputOf(order, part);
  const carried: ShipmentCarryOver | undefined =
    invoice && part.shipmentId !== undefined
      ? { shipmentId: part.shipmentId, pendingRegistration: invoice, inbox: [] }
      : undefined;
  part.shipmentScope = new CancellationScope();
  void part.shipmentScope
    .run(async () => {
      const child = await startChild<typeof shipmentWorkflow>('shipmentWorkflow', {
        workflowId: shipmentWorkflowId(orderId, part.def.sellerId),
        taskQueue: SHIPPING_TASK_QUEUE,
        args: carried ? [input, carried] : [input],
      });
      part.shipment = child;
      return child.result();
    })
    .then(
      (result) => void (part.delivered = result),
      (error: unknown) => {
        if (!isCancellation(error))
          log.error('shipment ended without delivery', {
            orderId,
            sellerId: part.def.sellerId,
            error: String(error),
          });
      },
    );
}

/**
 * One seller's part after payment: delivery (from its Shipment), purchase confirmation (the buyer,
 * or 7 days after delivery; a pending return or exchange stops the clock), the 7-day settlement hold, and the
 * hand-over of its lines to settlement.
 */
export async function followPart(order: OrderState, part: PartState): Promise<void> {
  const { orderId, input } = order;
  await condition(() => part.delivered !== undefined || isTerminal(part.status));
  // (A return rejected before the parcel arrived counts as delivered: the buyer may confirm early.)
  if (isTerminal(part.status) && part.status !== 'PURCHASE_CONFIRMED') return;
  if (!isTerminal(part.status))
    await order.exclusive(async () => {
      part.deliveredAtMs = Date.now();
      part.confirmClockFromMs = part.deliveredAtMs;
      if (PART_TRANSITIONS[part.status].DELIVER)
        await order.record('DELIVER', `deliver:${part.def.sellerId}`, {
          sellerId: part.def.sellerId,
          reason: `delivered ${part.delivered!.deliveredAt}`,
        });
    });
  while (!isTerminal(part.status)) {
    if (part.status === 'RETURN_REQUESTED') {
      await condition(() => part.status !== 'RETURN_REQUESTED');
      continue;
    }
    // An exchange under way stops the clock (order-exchanges.ts moves it on when it ends).
    if (isExchangePending(part.status)) {
      await condition(() => !isExchangePending(part.status));
      continue;
    }
    const clockFrom = part.confirmClockFromMs!;
    const left = clockFrom + AUTO_CONFIRM_AFTER_MS - Date.now();
    if (left > 0) {
      await condition(() => part.status !== 'DELIVERED' || part.confirmClockFromMs !== clockFrom, left);
      continue;
    }
    await order.exclusive(async () => {
      if (part.status !== 'DELIVERED') return;
      part.confirmedAtMs = await order.record('CONFIRM_PURCHASE', `confirm:${part.def.sellerId}`, {
        sellerId: part.def.sellerId,
        reason: '배송 완료 후 7일 경과 자동 구매확정',
      });
      // Sent off the order's path: the settlement hold and other commands do not wait for the message.
      const notice = order.notify(purchaseAutoConfirmedNotice(input, part.def));
      if (!order.has('auto-confirm-notice-off-path')) await notice;
    });
  }
  if (part.status !== 'PURCHASE_CONFIRMED') return;
  part.confirmedAtMs ??= Date.now();
  // Points are earned at confirmation, before the settlement hold (docs/payments.md#points).
  if (order.has('earn-points-on-confirmation')) await earnPointsForPart(order, part);
  part.payableAtMs = part.confirmedAtMs + SETTLEMENT_HOLD_MS;
  await sleep(Math.max(0, part.payableAtMs - Date.now()));
  await settlement.recordPayableLines({
    orderId,
    orderNumber: input.orderNumber,
    sellerId: part.def.sellerId,
    purchaseConfirmedAt: new Date(part.confirmedAtMs).toISOString(),
    payableAt: new Date(part.payableAtMs).toISOString(),
    // Lines given back by a partial return are not the seller's to be paid; the shipping is.
    lines: part.def.lines
      .filter((line) => !part.returnedLineIds.includes(line.orderLineId))
      .map((line) => ({
        orderLineId: line.orderLineId,
        productName: line.productName,
        quantity: line.quantity,
        amount: line.amount,
      })),
    shippingFee: part.def.shippingFee,
  });
  part.payable = true;
}
