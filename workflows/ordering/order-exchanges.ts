import {
  ActivityFailure,
  ApplicationFailure,
  CancellationScope,
  condition,
  isCancellation,
  log,
  setHandler,
  startChild,
} from '@temporalio/workflow';
import { exchangeItemText } from '../../domain/ordering/exchange';
import { exchangeShipmentWorkflowId } from '../../domain/ordering/exchange-ids';
import { SHIPPING_TASK_QUEUE } from '../shared/task-queues';
import {
  invoiceRegisteredSignal,
  type ShipmentInput,
  type ShipmentResult,
} from '../shipping/shipment.messages';
import { exchangeApprovedNotice, exchangeRejectedNotice, exchangeReshippedNotice } from './exchange-notices';
import {
  decideExchangeUpdate,
  requestExchangeUpdate,
  shipExchangeUpdate,
  type ExchangeAnswer,
  type ExchangeDecision,
  type ExchangeRequest,
} from './order-lifecycle.messages';
import { settlement, steps } from './order-proxies';
import { alertExchangeRequested } from './order-seller-alerts';
import { nowIso, refused, type OrderState, type PartState, type PendingExchange } from './order-state';

/**
 * Patch id (docs/ordering.md, "Changing a workflow"): marks the histories that took an exchange. The
 * updates are new, so no history recorded before them reaches this code; running orders may take one.
 */
export const ORDER_EXCHANGES = 'order-exchanges';
/**
 * Patch id: the replacement's Shipment is a parcel of the order (its real order id and the exchange
 * id in its input) and sends EXCHANGE_RESHIPPED itself; before it, the Shipment was keyed by the
 * exchange id and OrderLifecycle sent the message.
 */
export const EXCHANGE_SHIPMENTS = 'exchange-shipments';

const answerOf = (order: OrderState, exchangeId: string): ExchangeAnswer => ({
  ...order.answer(),
  exchangeId,
});

function pendingOf(part: PartState, exchangeId: string): PendingExchange {
  if (part.exchange?.request.exchangeId !== exchangeId)
    throw refused(`exchange ${exchangeId} is not under way for this part`);
  return part.exchange;
}

/** The replacement's stock step refused (sold out): the seller hears it as a 409 naming the product and option. */
function asStockRefusal(error: unknown): unknown {
  if (error instanceof ActivityFailure && error.cause instanceof ApplicationFailure && error.cause.type)
    return ApplicationFailure.create({
      message: error.cause.message,
      type: error.cause.type,
      details: error.cause.details ? [...error.cause.details] : undefined,
      nonRetryable: true,
    });
  return error;
}

/**
 * Exchanges (docs/ordering.md#exchanges) as updates: the buyer asks (the part leaves DELIVERED and the
 * purchase-confirmation clock stops), the seller approves (the replacement leaves the shelf, the
 * returned unit goes back on it, a seller-borne round trip is settled as a SELLER_COST) or rejects
 * (the clock goes on where it stopped), then registers the replacement's invoice: a Shipment child of
 * its own follows it, and its delivery makes the part DELIVERED again with a fresh 7-day clock.
 */
export function handleExchangeCommands(order: OrderState): void {
  setHandler(requestExchangeUpdate, async (request) =>
    order.exclusive(async () => {
      if (!order.has(ORDER_EXCHANGES)) throw refused('exchanges are not available for this order');
      const part = order.partOf(request.sellerId);
      order.requireAllowed(part, 'REQUEST_EXCHANGE');
      const given = request.items.filter((item) => part.returnedLineIds.includes(item.orderLineId));
      if (given.length > 0)
        throw refused(
          `body.items: lines already returned: ${given.map((i) => i.orderLineId).join(', ')}`,
          'VALIDATION_FAILED',
        );
      const { actorId, sellerId, exchangeId } = request;
      await steps.openExchange({
        id: exchangeId,
        orderId: order.orderId,
        sellerId,
        reasonCode: request.reasonCode,
        reason: request.reason,
        items: request.items,
        shippingFee: request.shippingFee,
        payer: request.payer,
        requestedBy: actorId,
        at: nowIso(),
      });
      const pausedAtMs = await order.record('REQUEST_EXCHANGE', `exchange:${exchangeId}`, {
        sellerId,
        actorId,
        reason: request.reason,
      });
      part.exchange = { request, pausedAtMs };
      alertExchangeRequested(order, part, request);
      return answerOf(order, exchangeId);
    }),
  );

  setHandler(decideExchangeUpdate, async (decision) =>
    order.exclusive(async () => {
      const part = order.partOf(decision.sellerId);
      const pending = pendingOf(part, decision.exchangeId);
      if (part.status !== 'EXCHANGE_REQUESTED')
        throw refused(`exchange ${decision.exchangeId} is not waiting for a decision`);
      if (decision.approve) await approveExchange(order, part, pending, decision);
      else await rejectExchange(order, part, pending, decision);
      return answerOf(order, decision.exchangeId);
    }),
  );

  setHandler(shipExchangeUpdate, async (command) =>
    order.exclusive(async () => {
      const part = order.partOf(command.sellerId);
      const pending = pendingOf(part, command.exchangeId);
      const key = `exchange:${command.exchangeId}`;
      // An invoice registered again (a corrected number) moves nothing; it is followed instead.
      if (part.status !== 'EXCHANGE_IN_TRANSIT') {
        order.requireAllowed(part, 'SHIP_EXCHANGE');
        await order.record('SHIP_EXCHANGE', `${key}:shipped`, {
          sellerId: command.sellerId,
          actorId: command.actorId,
          reason: `${command.courier} ${command.invoiceNumber}`,
        });
        startReplacementShipment(order, part, pending);
      }
      const parcel = { courier: command.courier, invoiceNumber: command.invoiceNumber };
      await steps.recordExchangeShipment({ exchangeId: command.exchangeId, ...parcel, at: nowIso() });
      await condition(() => pending.shipment !== undefined);
      await pending.shipment!.signal(invoiceRegisteredSignal, {
        ...parcel,
        registeredBy: command.actorId,
        registeredAt: nowIso(),
      });
      if (!pending.shipmentNotifies)
        void order.notify(exchangeReshippedNotice(order.input, pending.request, parcel));
      return answerOf(order, command.exchangeId);
    }),
  );
}

async function approveExchange(
  order: OrderState,
  part: PartState,
  pending: PendingExchange,
  decision: ExchangeDecision,
): Promise<void> {
  const { request } = pending;
  const key = `exchange:${request.exchangeId}`;
  try {
    await steps.takeExchangeStock({ exchangeId: request.exchangeId, items: request.items });
  } catch (error) {
    throw asStockRefusal(error);
  }
  await order.record('APPROVE_EXCHANGE', `${key}:approved`, {
    sellerId: decision.sellerId,
    actorId: decision.actorId,
    reason: decision.reason ?? '교환 승인',
  });
  await steps.restockExchangedUnits({ exchangeId: request.exchangeId, items: request.items });
  await settleExchangeCost(order, part, request, key);
  await steps.decideExchange({
    exchangeId: request.exchangeId,
    status: 'APPROVED',
    decidedBy: decision.actorId,
    decisionReason: decision.reason ?? null,
    at: nowIso(),
  });
  void order.notify(exchangeApprovedNotice(order.input, request));
}

async function rejectExchange(
  order: OrderState,
  part: PartState,
  pending: PendingExchange,
  decision: ExchangeDecision,
): Promise<void> {
  const { request } = pending;
  const reason = decision.reason ?? '판매자 거절';
  // The clock goes on where it stopped (the days the exchange was pending do not count); moved
  // before the part is DELIVERED again, so followPart never reads the old clock.
  const rejectedAtMs = Date.now();
  if (part.confirmClockFromMs !== undefined) part.confirmClockFromMs += rejectedAtMs - pending.pausedAtMs;
  const at = await order.record('REJECT_EXCHANGE', `exchange:${request.exchangeId}:rejected`, {
    sellerId: decision.sellerId,
    actorId: decision.actorId,
    reason,
  });
  await steps.decideExchange({
    exchangeId: request.exchangeId,
    status: 'REJECTED',
    decidedBy: decision.actorId,
    decisionReason: reason,
    at: new Date(at).toISOString(),
  });
  part.exchange = undefined;
  void order.notify(exchangeRejectedNotice(order.input, request, reason));
}

/** A seller-borne round trip goes to settlement as a SELLER_COST, like a seller-borne return shipping. */
async function settleExchangeCost(order: OrderState, part: PartState, request: ExchangeRequest, key: string) {
  if (request.payer !== 'SELLER' || request.shippingFee <= 0) return;
  await settlement.recordRefundAdjustment({
    sellerId: part.def.sellerId,
    orderId: order.orderId,
    at: nowIso(),
    kind: 'SELLER_COST',
    refundId: `${order.orderId}:${key}:seller-cost`,
    amount: request.shippingFee,
    reason: request.feeReason.slice(0, 200),
  });
}

/**
 * The replacement's Shipment: workflow id `shipment:<exchangeId>:<sellerId>`, a parcel of the order
 * (its shipment row carries the order id and the exchange id; the buyer's tracking shows it, and it
 * tells the buyer of dispatch and delivery as the exchanged item). Its delivery ends the exchange.
 */
function startReplacementShipment(order: OrderState, part: PartState, pending: PendingExchange): void {
  const { request } = pending;
  const common = {
    orderNumber: order.input.orderNumber,
    sellerId: part.def.sellerId,
    buyerUserId: order.input.userId,
  };
  pending.shipmentNotifies = order.has(EXCHANGE_SHIPMENTS);
  const input: ShipmentInput = pending.shipmentNotifies
    ? {
        ...common,
        orderId: order.orderId,
        exchangeId: request.exchangeId,
        itemSummary: exchangeItemText(request.items).slice(0, 200),
      }
    : {
        ...common,
        orderId: request.exchangeId,
        itemSummary: `교환 ${exchangeItemText(request.items)}`.slice(0, 200),
      };
  void CancellationScope.nonCancellable(async () => {
    const child = await startChild<(input: ShipmentInput) => Promise<ShipmentResult>>('shipmentWorkflow', {
      workflowId: exchangeShipmentWorkflowId(request.exchangeId, part.def.sellerId),
      taskQueue: SHIPPING_TASK_QUEUE,
      args: [input],
    });
    pending.shipment = child;
    return child.result();
  }).then(
    (delivered) =>
      order.exclusive(async () => {
        // A fresh 7-day clock, set before the part is DELIVERED again (followPart reads it then).
        part.deliveredAtMs = part.confirmClockFromMs = Date.now();
        const at = await order.record('DELIVER_EXCHANGE', `exchange:${request.exchangeId}:delivered`, {
          sellerId: part.def.sellerId,
          reason: `delivered ${delivered.deliveredAt}`,
        });
        await steps.recordExchangeDelivered({
          exchangeId: request.exchangeId,
          at: new Date(at).toISOString(),
        });
        part.exchange = undefined;
      }),
    (error: unknown) => {
      if (!isCancellation(error))
        log.error('exchange shipment ended without delivery', {
          orderId: order.orderId,
          exchangeId: request.exchangeId,
          error: String(error),
        });
    },
  );
}
