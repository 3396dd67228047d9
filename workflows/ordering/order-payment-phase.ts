import { condition, ParentClosePolicy, setHandler, startChild, workflowInfo } from '@temporalio/workflow';
import { settlePaymentAttempt } from '../payment/payment-attempt';
import { paymentAttemptWorkflow } from '../payment/payment-attempt.workflow';
import type { PaymentAttemptInput, PaymentAttemptResult } from '../payment/payment.messages';
import { failureFacts } from '../shared/failures';
import { PAYMENT_TASK_QUEUE } from '../shared/task-queues';
import { paymentWorkflowId } from '../shared/workflow-ids';
import { INLINE_PAYMENT_ATTEMPTS } from './order-generation';
import {
  paymentOutcomeUpdate,
  submitPaymentUpdate,
  type PaymentOutcomeAnswer,
  type SubmitPaymentAnswer,
  type SubmitPaymentRequest,
} from './order-lifecycle.messages';
import { orderPlacedNotice } from './order-notices';
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
    ...(input.generation !== undefined && { generation: input.generation }),
  };
}

/** Where attempt n runs: its own PaymentAttempt workflow, or (generation 3) this order's workflow. */
function attemptWorkflowId(order: OrderState, attempt: number): string {
  return order.inlineRuns.has(attempt)
    ? workflowInfo().workflowId
    : paymentWorkflowId(order.orderId, attempt);
}

async function startAttempt(order: OrderState, request: SubmitPaymentRequest): Promise<SubmitPaymentAnswer> {
  order.attempts += 1;
  order.inFlight = true;
  order.lastDecline = undefined;
  const attempt = order.attempts;
  const input = {
    ...attemptInputOf(order, attempt),
    pgReturn: request.pgReturn,
    pgReference: request.pgReference,
  };
  let result: Promise<PaymentAttemptResult>;
  if (order.has(INLINE_PAYMENT_ATTEMPTS)) {
    // No child: one workflow, about 20 history events and 4 workflow tasks fewer an order. A cancel
    // of the order reaches the attempt's steps, whose own undo runs as the child's did.
    result = settlePaymentAttempt(input, order.pgWake);
    order.inlineRuns.set(
      attempt,
      result.catch(() => undefined),
    );
  } else {
    const handle = await startChild(paymentAttemptWorkflow, {
      workflowId: paymentWorkflowId(order.orderId, attempt),
      taskQueue: PAYMENT_TASK_QUEUE,
      args: [input],
      // The attempt's own compensation (net-cancel, points back) must run even if this order ends first.
      parentClosePolicy: ParentClosePolicy.REQUEST_CANCEL,
    });
    result = handle.result();
  }
  void result.then(
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
  return { attempt, workflowId: attemptWorkflowId(order, attempt) };
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
    const untilReminder = order.remindAtMs === undefined ? left : order.remindAtMs - Date.now();
    if (untilReminder <= 0) {
      sendPlacedNotice(order);
      continue;
    }
    // One timer at a time: a buyer paying before the reminder is due never starts the window's own.
    await condition(
      () => order.inFlight || order.cancelBeforePayment !== undefined,
      Math.min(left, untilReminder),
    );
  }
}

/** How long after placing an unpaid order (no attempt running) its buyer is reminded to pay (generation 5). */
export const PAYMENT_REMINDER_AFTER_MS = 5 * 60_000;

/** The 결제 대기 notice: at the start before generation 5, as the reminder from it. */
export function sendPlacedNotice(order: OrderState): void {
  order.remindAtMs = undefined;
  order.placedNotice = order.notify(orderPlacedNotice(order.input));
}

/** Workflows started before the one-attempt-per-PG-transaction rule replay without it. */
export const ONE_ATTEMPT_PER_PG_TRANSACTION = 'one-attempt-per-pg-transaction';

/**
 * `submitPayment` starts an attempt (or answers the one in flight); `paymentOutcome` waits for its answer.
 * A PG transaction (the return's token) seen before is answered with the attempt started for it,
 * running or finished, so repeated calls of a return URL never start another attempt.
 */
export function handlePaymentCommands(order: OrderState): void {
  const { orderNumber } = order.input;
  const attemptOfPgTransaction = new Map<string, number>();
  const answerOf = (attempt: number) => ({ attempt, workflowId: attemptWorkflowId(order, attempt) });
  const startOrFind = (request: SubmitPaymentRequest) =>
    order.exclusive(async () => {
      const token = request.pgReturn?.token;
      const seen = token === undefined ? undefined : attemptOfPgTransaction.get(token);
      if (seen !== undefined && order.has(ONE_ATTEMPT_PER_PG_TRANSACTION)) return answerOf(seen);
      if (order.inFlight) return answerOf(order.attempts);
      if (order.phase !== 'AWAITING_PAYMENT' || order.cancelBeforePayment || order.paid)
        throw refused(`order ${orderNumber} is not awaiting payment`, 'ORDER_NOT_PAYABLE');
      if (Date.now() >= order.dueAtMs)
        throw refused(`the payment window of order ${orderNumber} has closed`, 'PAYMENT_WINDOW_CLOSED');
      const answer = await startAttempt(order, request);
      if (token !== undefined) attemptOfPgTransaction.set(token, answer.attempt);
      return answer;
    });
  const outcomeOf = async (attempt: number, waitMs: number): Promise<PaymentOutcomeAnswer> => {
    if (!order.outcomes.has(attempt)) await condition(() => order.outcomes.has(attempt), waitMs);
    return order.outcomes.get(attempt) ?? { status: 'PROCESSING', orderId: order.orderId, attempt };
  };
  // Waits outside `exclusive`: a cancel may come in while the PG answers.
  const withOutcome = async (request: SubmitPaymentRequest, waitMs: number): Promise<SubmitPaymentAnswer> => {
    const answer = await startOrFind(request);
    return { ...answer, outcome: await outcomeOf(answer.attempt, waitMs) };
  };
  setHandler(
    submitPaymentUpdate,
    async (request) =>
      request.waitMs === undefined ? startOrFind(request) : withOutcome(request, request.waitMs),
    {
      validator: (request) => {
        const seen = request.pgReturn && attemptOfPgTransaction.has(request.pgReturn.token);
        if (order.phase !== 'AWAITING_PAYMENT' && !order.inFlight && !seen)
          throw refused(`order ${orderNumber} is not awaiting payment`, 'ORDER_NOT_PAYABLE');
      },
    },
  );

  setHandler(paymentOutcomeUpdate, ({ attempt, waitMs }) => outcomeOf(attempt, waitMs), {
    validator: ({ attempt }) => {
      if (!Number.isSafeInteger(attempt) || attempt < 1 || attempt > order.attempts)
        throw refused(`order ${orderNumber} has no payment attempt ${attempt}`, 'ORDER_NOT_FOUND');
    },
  });
}
