import { approvalMatchesOrder } from './amount-check';
import type { CancelResult, ConfirmResult, LookupResult } from './gateway-results';
import type { PgPayment } from './pg-payment';

/**
 * The PaymentAttempt retry and ambiguity rules (docs/payments.md#paymentattempt-workflow) as pure decisions:
 * - at most 3 retries of a retryable failure (4 confirm calls in all);
 * - a decline is final at once;
 * - an ambiguous outcome (timeout, lost response, 5xx) is resolved by looking the payment up (or
 *   net-cancelling, for PGs where no look-up can find it) before anything else is decided;
 * - the whole attempt has a 10-minute budget; what is still unresolved then is dead-lettered.
 * Time comes in as epoch milliseconds (workflow time inside Temporal).
 */
export interface AttemptLimits {
  maxConfirmCalls: number;
  timeBudgetMs: number;
  /** Wait before retry k (k = 1..3). */
  retryDelaysMs: readonly number[];
  /** Wait before look-up k of one ambiguity (the first one goes at once). */
  lookupDelaysMs: readonly number[];
  maxLookupsPerAmbiguity: number;
}

export const PAYMENT_ATTEMPT_LIMITS: AttemptLimits = {
  maxConfirmCalls: 4,
  timeBudgetMs: 10 * 60_000,
  retryDelaysMs: [1_000, 3_000, 9_000],
  lookupDelaysMs: [0, 2_000, 5_000, 10_000, 20_000, 30_000],
  maxLookupsPerAmbiguity: 6,
};

export interface AttemptProgress {
  orderId: string;
  /** The PG amount Jangteo computed for the order. */
  amount: number;
  startedAtMs: number;
  nowMs: number;
  /** Confirm calls made so far, including the one whose result is being judged. */
  confirmCalls: number;
  /** Look-ups made since the last confirm call, including the one being judged. */
  lookups: number;
  ambiguityResolution: 'LOOKUP' | 'NET_CANCEL';
  limits?: AttemptLimits;
}

export type DeadLetterReason = 'RETRIES_EXHAUSTED' | 'TIME_BUDGET_EXHAUSTED' | 'OUTCOME_UNKNOWN';

export type AttemptDecision =
  | { action: 'APPROVED'; payment: PgPayment; recoveredByLookup: boolean }
  /** Virtual account issued: wait for the deposit webhook (or look-ups) until the due date. */
  | { action: 'AWAIT_DEPOSIT'; payment: PgPayment }
  | { action: 'DECLINED'; code: string; message: string }
  | { action: 'RETRY_CONFIRM'; delayMs: number; code: string; message: string }
  | { action: 'LOOKUP'; delayMs: number }
  | { action: 'NET_CANCEL' }
  /** Approved, but not for this order/amount: cancel it at the PG, then fail the attempt. */
  | { action: 'VOID_APPROVAL'; payment: PgPayment; reason: 'AMOUNT_MISMATCH' }
  | { action: 'DEAD_LETTER'; reason: DeadLetterReason; code: string; message: string };

export function decideAfterConfirm(result: ConfirmResult, progress: AttemptProgress): AttemptDecision {
  switch (result.kind) {
    case 'approved':
      return judgeApproval(result.payment, progress, false);
    case 'declined':
      return { action: 'DECLINED', code: result.code, message: result.message };
    case 'retryable':
      return retryOrGiveUp(progress, result.code, result.message, result.retryAfterMs);
    case 'ambiguous':
      if (progress.ambiguityResolution === 'NET_CANCEL') return { action: 'NET_CANCEL' };
      // The first look-up is never skipped, even past the budget: it may reveal an approval.
      return { action: 'LOOKUP', delayMs: 0 };
  }
}

export function decideAfterLookup(result: LookupResult, progress: AttemptProgress): AttemptDecision {
  const limits = progress.limits ?? PAYMENT_ATTEMPT_LIMITS;
  switch (result.kind) {
    case 'found': {
      const payment = result.payment;
      switch (payment.status) {
        case 'APPROVED':
        case 'AWAITING_DEPOSIT':
          return judgeApproval(payment, progress, true);
        case 'PARTIALLY_CANCELED':
          // Someone cancelled part of it at the PG: the rest cannot pay this order as agreed.
          return { action: 'VOID_APPROVAL', payment, reason: 'AMOUNT_MISMATCH' };
        case 'PENDING':
          // The confirm never took effect: confirming again is safe.
          return retryOrGiveUp(progress, 'PG_NOT_APPROVED', 'the PG has not approved the payment');
        case 'FAILED':
          return {
            action: 'DECLINED',
            code: payment.failure?.code ?? 'PG_PAYMENT_FAILED',
            message: payment.failure?.message ?? 'the PG reports the approval failed',
          };
        case 'CANCELED':
          return {
            action: 'DECLINED',
            code: 'PG_PAYMENT_CANCELED',
            message: 'the payment was cancelled at the PG',
          };
        case 'EXPIRED':
          return {
            action: 'DECLINED',
            code: 'PG_PAYMENT_EXPIRED',
            message: 'the PG payment session expired; the buyer must pay again',
          };
      }
      break;
    }
    case 'not_found':
      return retryOrGiveUp(progress, result.code, result.message);
    case 'retryable': {
      const delayMs =
        limits.lookupDelaysMs[Math.min(progress.lookups, limits.lookupDelaysMs.length - 1)] ?? 0;
      if (progress.lookups >= limits.maxLookupsPerAmbiguity || overBudget(progress, delayMs)) {
        return {
          action: 'DEAD_LETTER',
          reason: 'OUTCOME_UNKNOWN',
          code: result.code,
          message: result.message,
        };
      }
      return { action: 'LOOKUP', delayMs };
    }
    case 'declined':
      return { action: 'DEAD_LETTER', reason: 'OUTCOME_UNKNOWN', code: result.code, message: result.message };
  }
  throw new Error('unreachable');
}

/** After a net-cancel of an uncertain approval the buyer's authentication is spent: the attempt fails. */
export function decideAfterNetCancel(result: CancelResult): AttemptDecision {
  switch (result.kind) {
    case 'canceled':
    case 'nothing_to_cancel':
      return {
        action: 'DECLINED',
        code: 'PG_NET_CANCELED',
        message: 'the PG outcome was uncertain and has been undone; the buyer must pay again',
      };
    default:
      return { action: 'DEAD_LETTER', reason: 'OUTCOME_UNKNOWN', code: result.code, message: result.message };
  }
}

function judgeApproval(
  payment: PgPayment,
  progress: AttemptProgress,
  recoveredByLookup: boolean,
): AttemptDecision {
  if (!approvalMatchesOrder(payment, progress.orderId, progress.amount))
    return { action: 'VOID_APPROVAL', payment, reason: 'AMOUNT_MISMATCH' };
  if (payment.status === 'AWAITING_DEPOSIT') return { action: 'AWAIT_DEPOSIT', payment };
  return { action: 'APPROVED', payment, recoveredByLookup };
}

function retryOrGiveUp(
  progress: AttemptProgress,
  code: string,
  message: string,
  retryAfterMs?: number,
): AttemptDecision {
  const limits = progress.limits ?? PAYMENT_ATTEMPT_LIMITS;
  if (progress.confirmCalls >= limits.maxConfirmCalls)
    return { action: 'DEAD_LETTER', reason: 'RETRIES_EXHAUSTED', code, message };
  const planned =
    limits.retryDelaysMs[Math.min(progress.confirmCalls - 1, limits.retryDelaysMs.length - 1)] ?? 0;
  const delayMs = Math.max(planned, retryAfterMs ?? 0);
  if (overBudget(progress, delayMs))
    return { action: 'DEAD_LETTER', reason: 'TIME_BUDGET_EXHAUSTED', code, message };
  return { action: 'RETRY_CONFIRM', delayMs, code, message };
}

function overBudget(progress: AttemptProgress, delayMs: number): boolean {
  const limits = progress.limits ?? PAYMENT_ATTEMPT_LIMITS;
  return progress.nowMs + delayMs - progress.startedAtMs >= limits.timeBudgetMs;
}
