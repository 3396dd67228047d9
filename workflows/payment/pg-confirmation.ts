import { CancellationScope, condition, isCancellation, proxyActivities, sleep } from '@temporalio/workflow';
import type { PaymentActivities } from '../../activities/payment/payment.activities';
import {
  approvalMatchesOrder,
  PAYMENT_ATTEMPT_LIMITS,
  runPaymentAttempt,
  type AttemptOutcome,
  type PgProvider,
  type PgReturn,
} from '../../domain/payment';
import { VENDOR_CALL_HEARTBEAT } from '../shared/activity-options';

/**
 * PG calls. They answer PG outcomes as values (the domain policy decides on retries); Temporal only
 * re-runs one whose worker died mid-call — noticed by the missing heartbeat within seconds — with
 * the same idempotency key, so a repeat is harmless.
 */
const pg = proxyActivities<PaymentActivities>({
  startToCloseTimeout: '75 seconds',
  ...VENDOR_CALL_HEARTBEAT,
  retry: { initialInterval: '1 second', maximumInterval: '20 seconds', maximumAttempts: 3 },
});

/** How long a virtual account may wait for the buyer's deposit, and how often the PG is asked meanwhile. */
const DEPOSIT_WAIT_MS = 72 * 3600_000;
const DEPOSIT_CHECK_EVERY_MS = 3600_000;

/** A final answer for this attempt (declined, or dead-lettered) raised from inside the saga. */
export class AttemptFailed extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly deadLetter?: { reason: string; attempts: number; steps: unknown },
  ) {
    super(message);
  }
}

export type PgCall = { paymentId: string; orderId: string; attempt: number; provider: PgProvider };

/**
 * The PG phase under the domain policy (attempt-runner.ts) and the workflow's 10-minute timer: when
 * the timer fires first, the call in flight is abandoned and one last look-up decides — an approval
 * for this order is kept, anything else is dead-lettered (and undone by the saga).
 */
export async function confirmWithinBudget(
  call: PgCall,
  amount: number,
  pgReturn: PgReturn,
  ambiguityResolution: 'LOOKUP' | 'NET_CANCEL',
  takeWake: () => boolean,
  woken: () => boolean,
  /**
   * Start the timer only when the first PG call did not settle the attempt. That call cannot outlast
   * the budget (its activity timeouts bound it to about 4 minutes), and most attempts end with it:
   * no timer, two history events fewer. Runs of an older generation started it at once.
   */
  timerOnDemand = false,
): Promise<AttemptOutcome> {
  const budgetMs = PAYMENT_ATTEMPT_LIMITS.timeBudgetMs;
  const startedAt = Date.now();
  let budgetSpent = false;
  let timing = false;
  const pgScope = new CancellationScope();
  const timerScope = new CancellationScope();
  const startTimer = () => {
    if (timing) return;
    timing = true;
    void timerScope
      .run(() => sleep(Math.max(1, budgetMs - (Date.now() - startedAt))))
      .then(
        () => {
          budgetSpent = true;
          pgScope.cancel();
        },
        () => undefined,
      );
  };
  if (!timerOnDemand) startTimer();
  let firstCall = true;
  const budgeted = <T>(step: () => Promise<T>): Promise<T> => {
    if (!firstCall) startTimer();
    firstCall = false;
    return step();
  };
  try {
    return await pgScope.run(() =>
      runPaymentAttempt(
        {
          confirm: () => budgeted(() => pg.confirmPgPayment({ ...call, amount, pgReturn })),
          lookup: () => budgeted(() => pg.lookupPgPayment({ ...call, pgTransactionId: pgReturn.token })),
          netCancel: () =>
            budgeted(() =>
              pg.netCancelPgPayment({ ...call, pgReturn, reason: '결제 결과 확인 불가로 인한 망취소' }),
            ),
          // A webhook about this payment cuts a wait short: the next step looks at the PG at once.
          sleep: async (ms) => {
            if (ms <= 0) return;
            startTimer();
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
export async function awaitDeposit(call: PgCall, amount: number, woken: () => boolean, reset: () => void) {
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
