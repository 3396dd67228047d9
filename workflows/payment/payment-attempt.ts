import {
  ActivityFailure,
  ApplicationFailure,
  CancellationScope,
  isCancellation,
  log,
  proxyActivities,
  proxyLocalActivities,
  workflowInfo,
} from '@temporalio/workflow';
import type { PaymentActivities } from '../../activities/payment/payment.activities';
import { checkConfirmAmount, computePaymentSplit, PaymentError } from '../../domain/payment';
import { COMPENSATION_RETRY, VENDOR_CALL_HEARTBEAT, withTimeout } from '../shared/activity-options';
import { failureFacts } from '../shared/failures';
import { sendNotice } from '../shared/notices';
import { UndoStack } from '../shared/undo-stack';
import { paymentCompletedNotice, paymentFailedNotice } from './payment-notices';
import {
  paymentAttemptWorkflowId,
  type PaymentAttemptInput,
  type PaymentAttemptResult,
} from './payment.messages';
import { AttemptFailed, awaitDeposit, confirmWithinBudget } from './pg-confirmation';

/** Whether a verified PG webhook reported news since the attempt last looked (pgStatusChanged). */
export class PgWake {
  private changed = false;

  mark(): void {
    this.changed = true;
  }

  get woken(): boolean {
    return this.changed;
  }

  /** Answers whether there was news and forgets it. */
  take(): boolean {
    const woke = this.changed;
    this.changed = false;
    return woke;
  }
}

/*
 * Activities run on the queue of the workflow settling the attempt: `payment` for PaymentAttempt,
 * `ordering` for an order of generation 3, whose workers register the payment activities too
 * (workers/compose-activities.ts); there a PG call is dispatched eagerly to the order's own worker.
 */

/**
 * Database steps: idempotent writes, retried until they succeed (transient database trouble). Local
 * activities: they run in this worker without a round trip through the server per step.
 */
const steps = proxyLocalActivities<PaymentActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', maximumAttempts: 10 },
});
const undo = proxyActivities<PaymentActivities>(withTimeout('75 seconds', COMPENSATION_RETRY));
/** The PG's net-cancel heartbeats, so a worker that died mid-call is noticed in seconds, not 75. */
const pgUndo = proxyActivities<PaymentActivities>({
  ...withTimeout('75 seconds', COMPENSATION_RETRY),
  ...VENDOR_CALL_HEARTBEAT,
});

/**
 * A payment attempt (docs/payments.md): validate the amounts the order gave, hold the points, confirm
 * with the PG under the domain's retry and ambiguity policy within a 10-minute budget, then capture
 * the points. Every undo step is pushed as its step succeeds and run in reverse when the attempt
 * fails or is cancelled. Declines end the attempt at once (result DECLINED); an exhausted attempt is
 * dead-lettered and fails (PAYMENT_DEAD_LETTERED). `wake` carries the PG webhooks' news.
 */
export async function settlePaymentAttempt(
  input: PaymentAttemptInput,
  wake: PgWake,
): Promise<PaymentAttemptResult> {
  const { orderId, attempt } = input;
  const undos = new UndoStack();
  let paymentId: string | undefined;
  try {
    const split = validate(input);
    const begun = await steps.beginPaymentAttempt({
      orderId,
      attempt,
      userId: input.userId,
      method: split.effectiveMethod,
      provider: split.needsPg ? input.provider : undefined,
      totalAmount: split.totalAmount,
      pointsAmount: split.pointsAmount,
    });
    paymentId = begun.paymentId;
    // The PG's own rule for an uncertain approval (NicePay, Inicis: net-cancel); histories recorded before it was reported look up.
    const ambiguityResolution = begun.ambiguityResolution ?? 'LOOKUP';

    if (split.pointsAmount > 0) {
      await holdPoints(input.userId, orderId, split.pointsAmount);
      undos.push('releasePoints', () => undo.releasePoints({ userId: input.userId, orderId }));
    }

    let approvedAt = new Date(Date.now()).toISOString();
    let pgTransactionId: string | undefined;
    let recoveredByLookup = false;
    if (split.needsPg) {
      const call = { paymentId, orderId, attempt, provider: input.provider!, pgReference: input.pgReference };
      // From here until a definite answer, anything the PG may have approved is undone on failure.
      const voidApproval = undos.push('netCancelPgPayment', () =>
        pgUndo.netCancelPgPayment({
          ...call,
          pgReturn: input.pgReturn,
          reason: '결제 처리 실패로 인한 취소',
        }),
      );
      const outcome = await confirmWithinBudget(
        call,
        split.pgAmount,
        input.pgReturn!,
        ambiguityResolution,
        () => wake.take(),
        () => wake.woken,
        (input.generation ?? 1) >= 2,
      );
      if (outcome.status === 'DECLINED') {
        undos.drop(voidApproval);
        throw new AttemptFailed(outcome.code, outcome.message);
      }
      if (outcome.status === 'VOID_REQUIRED')
        throw new AttemptFailed(
          'PAYMENT_AMOUNT_MISMATCH',
          `the PG approved ${outcome.payment.totalAmount}원 for an order of ${split.pgAmount}원; the approval is cancelled`,
        );
      if (outcome.status === 'DEAD_LETTER') {
        throw new AttemptFailed(outcome.code, outcome.message, {
          reason: outcome.reason,
          attempts: outcome.confirmCalls,
          steps: outcome.steps,
        });
      }
      let payment = outcome.payment;
      if (outcome.status === 'AWAITING_DEPOSIT')
        payment = await awaitDeposit(
          call,
          split.pgAmount,
          () => wake.woken,
          () => void wake.take(),
        );
      approvedAt = payment.approvedAt ? new Date(payment.approvedAt).toISOString() : approvedAt;
      pgTransactionId = payment.pgTransactionId;
      recoveredByLookup = outcome.status === 'APPROVED' && outcome.recoveredByLookup;
    }

    if (split.pointsAmount > 0) await steps.capturePoints({ userId: input.userId, orderId });
    await steps.completePayment({ paymentId, approvedAt });
    if (!input.receiptSentByCaller) await sendNotice(paymentCompletedNotice(input, new Date(approvedAt)));
    return {
      status: 'PAID',
      paymentId,
      orderId,
      attempt,
      pointsAmount: split.pointsAmount,
      pgAmount: split.pgAmount,
      pgTransactionId,
      approvedAt,
      recoveredByLookup,
    };
  } catch (error) {
    // A step that kept failing (its activity's retries spent) parks the attempt like an exhausted PG.
    const failure =
      error instanceof AttemptFailed ? error : isCancellation(error) ? undefined : stepFailed(error);
    await CancellationScope.nonCancellable(async () => {
      await undos.unwind(undefined, (step, undoError) =>
        log.error('payment compensation failed', { orderId, attempt, step, error: String(undoError) }),
      );
      if (!failure) {
        if (paymentId)
          await steps.failPayment({
            paymentId,
            status: 'DECLINED',
            code: 'PAYMENT_CANCELLED',
            message: 'the payment attempt was cancelled',
          });
        return;
      }
      if (failure.deadLetter) {
        const info = workflowInfo();
        await steps.deadLetterPayment({
          reference: paymentAttemptWorkflowId(orderId, attempt),
          workflowId: info.workflowId,
          runId: info.runId,
          input,
          lastError: {
            code: failure.code,
            message: failure.message,
            reason: failure.deadLetter.reason,
            steps: failure.deadLetter.steps,
          },
          attempts: failure.deadLetter.attempts,
        });
      }
      if (paymentId)
        await steps.failPayment({
          paymentId,
          status: failure.deadLetter ? 'FAILED' : 'DECLINED',
          code: failure.code,
          message: failure.message,
        });
      await sendNotice(
        paymentFailedNotice(
          input,
          failure.deadLetter ? { code: 'PAYMENT_DEAD_LETTERED', message: failure.message } : failure,
        ),
      );
    });
    if (!failure) throw error;
    if (failure.deadLetter) {
      log.error('payment attempt dead-lettered', {
        orderId,
        attempt,
        code: failure.code,
        reason: failure.deadLetter.reason,
      });
      throw ApplicationFailure.nonRetryable(
        `payment attempt ${attempt} of order ${orderId} was dead-lettered: ${failure.code} ${failure.message}`,
        'PAYMENT_DEAD_LETTERED',
        {
          reason: failure.deadLetter.reason,
        },
      );
    }
    return { status: 'DECLINED', paymentId, orderId, attempt, code: failure.code, message: failure.message };
  }
}

function stepFailed(error: unknown): AttemptFailed {
  const { code, message, step } = failureFacts(error, 'PAYMENT_STEP_FAILED');
  return new AttemptFailed(code, message, {
    reason: 'STEP_FAILED',
    attempts: 0,
    steps: step ? [{ step }] : [],
  });
}

/** The server-side checks, before anything is held or called: amounts from the order, the browser's amount must agree. */
function validate(input: PaymentAttemptInput) {
  let split: ReturnType<typeof computePaymentSplit>;
  try {
    split = computePaymentSplit({
      totalAmount: input.totalAmount,
      pointsToUse: input.pointsAmount,
      availablePoints: input.pointsAmount,
      method: input.method,
    });
  } catch (error) {
    if (error instanceof PaymentError) throw new AttemptFailed(error.code, error.message);
    throw error;
  }
  if (!split.needsPg) return split;
  if (!input.provider)
    throw new AttemptFailed('PAYMENT_METHOD_NOT_SUPPORTED', `a ${input.method} payment needs a PG provider`);
  if (!input.pgReturn?.token)
    throw new AttemptFailed('PAYMENT_PG_RETURN_MISSING', 'the PG window result (payment key) is missing');
  const check = checkConfirmAmount(split.pgAmount, input.pgReturn.amount);
  if (!check.ok) throw new AttemptFailed(check.code, check.message);
  return split;
}

async function holdPoints(userId: string, orderId: string, amount: number): Promise<void> {
  try {
    await steps.holdPoints({ userId, orderId, amount });
  } catch (error) {
    // A refusal (not enough points) is the attempt's answer; anything else is a failed step.
    const refusal = error instanceof ActivityFailure && error.cause instanceof ApplicationFailure;
    const facts = failureFacts(error, 'POINTS_HOLD_FAILED');
    if (refusal && facts.nonRetryable) throw new AttemptFailed(facts.code, facts.message);
    throw error;
  }
}
