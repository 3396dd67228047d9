import { condition, ParentClosePolicy, setHandler, startChild } from '@temporalio/workflow';
import { paymentAttemptWorkflow } from '../payment/payment-attempt.workflow';
import type { PaymentAttemptInput } from '../payment/payment.messages';
import { failureFacts } from '../shared/failures';
import { PAYMENT_TASK_QUEUE } from '../shared/task-queues';
import { paymentWorkflowId } from '../shared/workflow-ids';
import {
  paymentOutcomeUpdate,
  submitPaymentUpdate,
  type SubmitPaymentAnswer,
  type SubmitPaymentRequest,
} from './order-lifecycle.messages';
import { refused, type OrderState } from './order-state';

export type PaymentPhaseOutcome = 'PAID' | 'EXPIRED' | 'CANCELLED' | 'FAILED';

/** The attempt's input: the stored order's amounts; the receipt is sent from here, off the payment's path. */
export function attemptInputOf(order: OrderState, attempt: number): PaymentAttemptInput {
  const { input } = order;
  return {
    orderId: order.orderId,
    attempt,
    userId: input.userId,
    method: input.method,
    provider: input.provider ?? undefined,
    totalAmount: input.totalAmount,
    pointsAmount: input.pointsAmount,
    orderNumber: input.orderNumber,
    orderName: input.orderName,
    receiptSentByCaller: true,
  };
}

async function startAttempt(order: OrderState, request: SubmitPaymentRequest): Promise<SubmitPaymentAnswer> {
  order.attempts += 1;
  order.inFlight = true;
  order.lastDecline = undefined;
  const attempt = order.attempts;
  const workflowId = paymentWorkflowId(order.orderId, attempt);
  const handle = await startChild(paymentAttemptWorkflow, {
    workflowId,
    taskQueue: PAYMENT_TASK_QUEUE,
    args: [
      { ...attemptInputOf(order, attempt), pgReturn: request.pgReturn, pgReference: request.pgReference },
    ],
    // The attempt's own compensation (net-cancel, points back) must run even if this order ends first.
    parentClosePolicy: ParentClosePolicy.REQUEST_CANCEL,
  });
  void handle.result().then(
    (result) => {
      if (result.status === 'PAID') order.paid = result;
      else order.lastDecline = { code: result.code, message: result.message };
      order.outcomes.set(attempt, result);
      order.inFlight = false;
    },
    (error: unknown) => {
      const { code, message } = failureFacts(error, 'PAYMENT_DEAD_LETTERED');
      order.paymentFailure = { code, message };
      order.outcomes.set(attempt, { status: 'FAILED', orderId: order.orderId, attempt, code, message });
      order.inFlight = false;
    },
  );
  return { attempt, workflowId };
}

/**
 * Waits for the buyer's payment until the window closes. The window never expires an attempt in
 * flight: its result decides, and a cancel that arrived meanwhile only wins if the attempt did not pay.
 */
export async function runPaymentPhase(order: OrderState): Promise<PaymentPhaseOutcome> {
  // Points pay everything: nothing for the buyer to authenticate, the attempt starts at once.
  if (order.input.payableAmount === 0) await startAttempt(order, {});
  for (;;) {
    if (order.paid) return 'PAID';
    if (order.paymentFailure) return 'FAILED';
    if (order.inFlight) {
      await condition(() => !order.inFlight);
      continue;
    }
    if (order.cancelBeforePayment) return 'CANCELLED';
    const left = order.dueAtMs - Date.now();
    if (left <= 0) return 'EXPIRED';
    await condition(() => order.inFlight || order.cancelBeforePayment !== undefined, left);
  }
}

/** `submitPayment` starts an attempt (or answers the one in flight); `paymentOutcome` waits for its answer. */
export function handlePaymentCommands(order: OrderState): void {
  const { orderNumber } = order.input;
  setHandler(
    submitPaymentUpdate,
    async (request) =>
      order.exclusive(async () => {
        if (order.inFlight)
          return { attempt: order.attempts, workflowId: paymentWorkflowId(order.orderId, order.attempts) };
        if (order.phase !== 'AWAITING_PAYMENT' || order.cancelBeforePayment || order.paid)
          throw refused(`order ${orderNumber} is not awaiting payment`, 'ORDER_NOT_PAYABLE');
        if (Date.now() >= order.dueAtMs)
          throw refused(`the payment window of order ${orderNumber} has closed`, 'PAYMENT_WINDOW_CLOSED');
        return startAttempt(order, request);
      }),
    {
      validator: (_request) => {
        if (order.phase !== 'AWAITING_PAYMENT' && !order.inFlight)
          throw refused(`order ${orderNumber} is not awaiting payment`, 'ORDER_NOT_PAYABLE');
      },
    },
  );

  setHandler(
    paymentOutcomeUpdate,
    async ({ attempt, waitMs }) => {
      if (!order.outcomes.has(attempt)) await condition(() => order.outcomes.has(attempt), waitMs);
      return order.outcomes.get(attempt) ?? { status: 'PROCESSING', orderId: order.orderId, attempt };
    },
    {
      validator: ({ attempt }) => {
        if (!Number.isSafeInteger(attempt) || attempt < 1 || attempt > order.attempts)
          throw refused(`order ${orderNumber} has no payment attempt ${attempt}`, 'ORDER_NOT_FOUND');
      },
    },
  );
}
