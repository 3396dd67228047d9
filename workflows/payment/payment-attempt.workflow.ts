import {
  ActivityFailure,
  ApplicationFailure,
  CancellationScope,
  condition,
  isCancellation,
  log,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import { notifications } from '../notification/send-notification';
import type { PaymentActivities } from '../../activities/payment/payment.activities';
import type { NotificationRequest } from '../../domain/notification/notification';
import {
  checkConfirmAmount,
  computePaymentSplit,
  approvalMatchesOrder,
  PAYMENT_ATTEMPT_LIMITS,
  PaymentError,
  runPaymentAttempt,
  type AttemptOutcome,
  type PgProvider,
  type PgReturn,
} from '../../domain/payment';
import { paymentCompletedNotice, paymentFailedNotice } from './payment-notices';
import {
  pgStatusChangedSignal,
  paymentAttemptWorkflowId,
  type PaymentAttemptInput,
  type PaymentAttemptResult,
} from './payment.messages';

/**
 * Database steps: idempotent writes, retried until they succeed (transient database trouble). Local
 * activities: they run in this worker without a round trip through the server per step.
 */
const steps = proxyLocalActivities<PaymentActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', maximumAttempts: 10 },
});
/**
 * PG calls. They answer PG outcomes as values (the domain policy decides on retries); Temporal only
 * re-runs one whose worker died mid-call, with the same idempotency key, so a repeat is harmless.
 */
const pg = proxyActivities<PaymentActivities>({
  startToCloseTimeout: '75 seconds',
  retry: { initialInterval: '2 seconds', maximumInterval: '20 seconds', maximumAttempts: 3 },
});
/** Compensations must finish: many tries over a long time. */
const undo = proxyActivities<PaymentActivities>({
  startToCloseTimeout: '75 seconds',
  retry: {
    initialInterval: '2 seconds',
    backoffCoefficient: 2,
    maximumInterval: '5 minutes',
    maximumAttempts: 50,
  },
});

/** How long a virtual account may wait for the buyer's deposit, and how often the PG is asked meanwhile. */
const DEPOSIT_WAIT_MS = 72 * 3600_000;
const DEPOSIT_CHECK_EVERY_MS = 3600_000;

/** A final answer for this attempt (declined, or dead-lettered) raised from inside the saga. */
class AttemptFailed extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly deadLetter?: { reason: string; attempts: number; steps: unknown },
  ) {
    super(message);
  }
}

/**
 * PaymentAttempt (DESIGN.md §3–4): validate the amounts the order gave, hold the points, confirm
 * with the PG under the domain's retry and ambiguity policy within a 10-minute budget, then capture
 * the points. Every undo step is pushed as its step succeeds and run in reverse when the attempt
 * fails or the workflow is cancelled. Declines end the attempt at once (result DECLINED); an
 * exhausted attempt is dead-lettered and the workflow fails (PAYMENT_DEAD_LETTERED).
 */
export async function paymentAttemptWorkflow(input: PaymentAttemptInput): Promise<PaymentAttemptResult> {
  const { orderId, attempt } = input;
  let pgChanged = false;
  setHandler(pgStatusChangedSignal, () => void (pgChanged = true));

  const compensations: Array<{ step: string; run: () => Promise<unknown> }> = [];
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
      compensations.push({
        step: 'releasePoints',
        run: () => undo.releasePoints({ userId: input.userId, orderId }),
      });
    }

    let approvedAt = new Date(Date.now()).toISOString();
    let pgTransactionId: string | undefined;
    let recoveredByLookup = false;
    if (split.needsPg) {
      const call = { paymentId, orderId, attempt, provider: input.provider!, pgReference: input.pgReference };
      // From here until a definite answer, anything the PG may have approved is undone on failure.
      const voidApproval = {
        step: 'netCancelPgPayment',
        run: () =>
          undo.netCancelPgPayment({
            ...call,
            pgReturn: input.pgReturn,
            reason: '결제 처리 실패로 인한 취소',
          }),
      };
      compensations.push(voidApproval);
      const outcome = await confirmWithinBudget(
        call,
        split.pgAmount,
        input.pgReturn!,
        ambiguityResolution,
        () => {
          const woke = pgChanged;
          pgChanged = false;
          return woke;
        },
        () => pgChanged,
      );
      if (outcome.status === 'DECLINED') {
        compensations.splice(compensations.indexOf(voidApproval), 1);
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
          () => pgChanged,
          () => void (pgChanged = false),
        );
      approvedAt = payment.approvedAt ? new Date(payment.approvedAt).toISOString() : approvedAt;
      pgTransactionId = payment.pgTransactionId;
      recoveredByLookup = outcome.status === 'APPROVED' && outcome.recoveredByLookup;
    }

    if (split.pointsAmount > 0) await steps.capturePoints({ userId: input.userId, orderId });
    await steps.completePayment({ paymentId, approvedAt });
    if (!input.receiptSentByCaller) await notify(paymentCompletedNotice(input, new Date(approvedAt)));
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
      for (const compensation of [...compensations].reverse()) {
        try {
          await compensation.run();
        } catch (undoError) {
          log.error('payment compensation failed', {
            orderId,
            attempt,
            step: compensation.step,
            error: String(undoError),
          });
        }
      }
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
      await notify(
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
  const cause = error instanceof ActivityFailure ? error.cause : error;
  const code = cause instanceof ApplicationFailure && cause.type ? cause.type : 'PAYMENT_STEP_FAILED';
  const step = error instanceof ActivityFailure ? error.activityType : undefined;
  return new AttemptFailed(code, cause instanceof Error ? cause.message : String(cause), {
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
    if (
      error instanceof ActivityFailure &&
      error.cause instanceof ApplicationFailure &&
      error.cause.nonRetryable
    ) {
      throw new AttemptFailed(error.cause.type ?? 'POINTS_HOLD_FAILED', error.cause.message);
    }
    throw error;
  }
}

type PgCall = { paymentId: string; orderId: string; attempt: number; provider: PgProvider };

/**
 * The PG phase under the domain policy (attempt-runner.ts) and the workflow's 10-minute timer: when
 * the timer fires first, the call in flight is abandoned and one last look-up decides — an approval
 * for this order is kept, anything else is dead-lettered (and undone by the saga).
 */
async function confirmWithinBudget(
  call: PgCall,
  amount: number,
  pgReturn: PgReturn,
  ambiguityResolution: 'LOOKUP' | 'NET_CANCEL',
  takeWake: () => boolean,
  woken: () => boolean,
): Promise<AttemptOutcome> {
  const budgetMs = PAYMENT_ATTEMPT_LIMITS.timeBudgetMs;
  let budgetSpent = false;
  const pgScope = new CancellationScope();
  const timerScope = new CancellationScope();
  void timerScope
    .run(() => sleep(budgetMs))
    .then(
      () => {
        budgetSpent = true;
        pgScope.cancel();
      },
      () => undefined,
    );
  try {
    return await pgScope.run(() =>
      runPaymentAttempt(
        {
          confirm: () => pg.confirmPgPayment({ ...call, amount, pgReturn }),
          lookup: () => pg.lookupPgPayment({ ...call, pgTransactionId: pgReturn.token }),
          netCancel: () =>
            pg.netCancelPgPayment({ ...call, pgReturn, reason: '결제 결과 확인 불가로 인한 망취소' }),
          // A webhook about this payment cuts a wait short: the next step looks at the PG at once.
          sleep: async (ms) => {
            if (ms <= 0) return;
            takeWake();
            await condition(woken, ms);
            takeWake();
          },
          nowMs: () => Date.now(),
        },
        { orderId: call.orderId, amount, ambiguityResolution },
      ),
    );
  } catch (error) {
    if (!(budgetSpent && isCancellation(error))) throw error;
    return CancellationScope.nonCancellable(async () => {
      const last = await pg.lookupPgPayment({ ...call, pgTransactionId: pgReturn.token });
      const counters = {
        confirmCalls: 0,
        lookups: 1,
        steps: [{ call: 'lookup' as const, result: last.kind }],
      };
      if (
        last.kind === 'found' &&
        last.payment.status === 'APPROVED' &&
        approvalMatchesOrder(last.payment, call.orderId, amount)
      ) {
        return { ...counters, status: 'APPROVED' as const, payment: last.payment, recoveredByLookup: true };
      }
      return {
        ...counters,
        status: 'DEAD_LETTER' as const,
        reason: 'TIME_BUDGET_EXHAUSTED' as const,
        code: 'PAYMENT_TIMEOUT',
        message: `no PG answer settled the payment within ${budgetMs / 60_000} minutes`,
      };
    });
  } finally {
    timerScope.cancel();
  }
}

/** A virtual account was issued: wait for the deposit (webhook signal or hourly look-ups) until the deadline. */
async function awaitDeposit(call: PgCall, amount: number, woken: () => boolean, reset: () => void) {
  const deadline = Date.now() + DEPOSIT_WAIT_MS;
  while (Date.now() < deadline) {
    reset();
    await condition(woken, Math.min(DEPOSIT_CHECK_EVERY_MS, deadline - Date.now()));
    const current = await pg.lookupPgPayment({ ...call });
    if (current.kind !== 'found') continue;
    if (current.payment.status === 'APPROVED' && approvalMatchesOrder(current.payment, call.orderId, amount))
      return current.payment;
    if (current.payment.status !== 'AWAITING_DEPOSIT')
      throw new AttemptFailed(
        'PG_DEPOSIT_NOT_MADE',
        `the virtual account ended as ${current.payment.status}`,
      );
  }
  throw new AttemptFailed(
    'PG_DEPOSIT_NOT_MADE',
    'the buyer did not deposit into the virtual account in time',
  );
}

/** The message is owed but never blocks or fails the payment. */
async function notify(request: NotificationRequest): Promise<void> {
  try {
    await notifications.sendNotification(request);
  } catch (error) {
    log.warn('payment notification not sent', { dedupeKey: request.dedupeKey, error: String(error) });
  }
}
