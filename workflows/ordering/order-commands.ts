import { condition, setHandler } from '@temporalio/workflow';
import { invoiceRegisteredSignal } from '../shipping/shipment.messages';
import { cancelPaid, undoReturnedPart } from './order-compensation';
import {
  cancelOrderUpdate,
  confirmPurchaseUpdate,
  decideReturnUpdate,
  orderStateQuery,
  requestReturnUpdate,
  shipPartUpdate,
  startPreparingUpdate,
} from './order-lifecycle.messages';
import { startShipment } from './order-part-journey';
import { steps } from './order-proxies';
import { approveReturn, checkReturnLines, resumeConfirmClock, RETURN_CONFIRM_CLOCK } from './order-returns';
import { alertBuyerCancelled, alertReturnRequested } from './order-seller-alerts';
import { nowIso, refused, type OrderState } from './order-state';

/**
 * People's commands, as updates: each is checked against the part's state machine before anything
 * is written, and runs alone (`exclusive`), so a cancel and a ship racing for the same part cannot
 * both pass.
 */
export function handleOrderCommands(order: OrderState): void {
  const { orderId, input } = order;

  setHandler(
    cancelOrderUpdate,
    async (request) => {
      if (order.phase === 'AWAITING_PAYMENT') {
        if (request.sellerId && order.parts.size > 1)
          throw refused('before payment the whole order is cancelled, not one seller’s part');
        order.cancelBeforePayment ??= request;
        // A cancel racing a payment: the payment phase decides. An attempt already in flight may
        // still pay (runPaymentPhase waits for it): then this cancel goes on as a paid cancel below;
        // otherwise the phase closes the order as cancelled and this answer is that.
        await condition(() => order.paymentSettled);
        if (!order.paid) return order.answer();
      }
      return order.exclusive(async () => {
        if (order.phase !== 'PAID') throw refused(`order ${input.orderNumber} can no longer be cancelled`);
        const key = `cancel:${request.sellerId ?? 'all'}`;
        const open = order.allParts.filter((p) => p.status !== 'CANCELLED');
        await cancelPaid(order, request, key);
        if (request.actorId === input.userId)
          for (const part of open)
            if (part.status === 'CANCELLED') alertBuyerCancelled(order, part, request.reason, key);
        return order.answer();
      });
    },
    {
      validator: (request) => {
        if (request.sellerId) order.partOf(request.sellerId);
        if (order.phase === 'ENDED') throw refused(`order ${input.orderNumber} is closed`);
      },
    },
  );

  setHandler(startPreparingUpdate, async (command) =>
    order.exclusive(async () => {
      const part = order.partOf(command.sellerId);
      order.requireAllowed(part, 'START_PREPARING');
      await order.record('START_PREPARING', `prepare:${command.sellerId}`, command);
      return order.answer();
    }),
  );

  setHandler(shipPartUpdate, async (command) =>
    order.exclusive(async () => {
      const part = order.partOf(command.sellerId);
      // A shipped part may register its invoice again (a corrected number); nothing else changes.
      if (part.status !== 'SHIPPED') {
        order.requireAllowed(part, 'SHIP');
        await order.record('SHIP', `ship:${command.sellerId}`, {
          sellerId: command.sellerId,
          actorId: command.actorId,
          reason: `${command.courier} ${command.invoiceNumber}`,
        });
      }
      const registration = {
        courier: command.courier,
        invoiceNumber: command.invoiceNumber,
        registeredBy: command.actorId,
        registeredAt: nowIso(),
      };
      // Generation 3: the first invoice starts the part's Shipment, carrying it; a correction signals it.
      const first = !part.shipmentScope && part.shipmentId !== undefined;
      if (first) startShipment(order, part, registration);
      await condition(() => part.shipment !== undefined);
      if (!first) await part.shipment!.signal(invoiceRegisteredSignal, registration);
      return order.answer();
    }),
  );

  setHandler(confirmPurchaseUpdate, async (command) =>
    order.exclusive(async () => {
      const part = order.partOf(command.sellerId);
      order.requireAllowed(part, 'CONFIRM_PURCHASE');
      part.confirmedAtMs = await order.record('CONFIRM_PURCHASE', `confirm:${command.sellerId}`, command);
      return order.answer();
    }),
  );

  setHandler(requestReturnUpdate, async (request) =>
    order.exclusive(async () => {
      const part = order.partOf(request.sellerId);
      order.requireAllowed(part, 'REQUEST_RETURN');
      checkReturnLines(part, request);
      await steps.openReturn({
        returnId: request.returnId,
        orderId,
        sellerId: request.sellerId,
        reason: request.reason,
        reasonCode: request.reasonCode ?? 'CHANGE_OF_MIND',
        returnedLineIds: request.lineIds?.length ? request.lineIds : null,
        requestedBy: request.actorId,
        at: nowIso(),
      });
      part.returnRequestedAtMs = await order.record('REQUEST_RETURN', `return:${request.returnId}`, {
        sellerId: request.sellerId,
        actorId: request.actorId,
        reason: request.reason,
      });
      part.returnId = request.returnId;
      part.returnRequest = { reasonCode: request.reasonCode, lineIds: request.lineIds };
      alertReturnRequested(order, part, request);
      return order.answer();
    }),
  );

  setHandler(decideReturnUpdate, async (decision) =>
    order.exclusive(async () => {
      const part = order.partOf(decision.sellerId);
      if (part.status !== 'RETURN_REQUESTED' || part.returnId !== decision.returnId)
        throw refused(`return ${decision.returnId} is not waiting for a decision`);
      // Refund rules with shipping (docs/ordering.md#refunds-with-shipping): settlement hears of what
      // is kept and what the seller bears, new commands that returns decided before them never had.
      if (decision.approve && order.has('return-refund-rules')) {
        await approveReturn(order, part, decision);
        return order.answer();
      }
      const deduction = decision.deductionAmount ?? 0;
      if (decision.approve && (deduction < 0 || deduction > part.def.subtotal))
        throw refused(`the deduction must be between 0 and ${part.def.subtotal} won`, 'VALIDATION_FAILED');
      const key = `return:${decision.returnId}`;
      const decided = {
        returnId: decision.returnId,
        decidedBy: decision.actorId,
        decisionReason: decision.reason ?? null,
      };
      if (!decision.approve) {
        // The clock moves before the part is DELIVERED again: followPart reads it then.
        const clockFirst = order.has(RETURN_CONFIRM_CLOCK);
        if (clockFirst) resumeConfirmClock(part, Date.now());
        await order.record('REJECT_RETURN', `${key}:rejected`, decision);
        await steps.decideReturn({
          ...decided,
          status: 'REJECTED',
          deductionAmount: null,
          refundAmount: null,
          at: nowIso(),
        });
        if (!clockFirst) part.confirmClockFromMs = Date.now();
        return order.answer();
      }
      await order.record('APPROVE_RETURN', `${key}:approved`, decision);
      const refundAmount = part.def.subtotal - deduction;
      await undoReturnedPart(order, part, key, refundAmount, decision.reason ?? '반품 승인');
      await steps.decideReturn({
        ...decided,
        status: 'APPROVED',
        deductionAmount: deduction,
        refundAmount,
        at: nowIso(),
      });
      return order.answer();
    }),
  );

  setHandler(orderStateQuery, () => order.view());
}
