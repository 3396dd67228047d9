import {
  decideAfterConfirm,
  decideAfterLookup,
  decideAfterNetCancel,
  type AttemptDecision,
  type AttemptLimits,
  type DeadLetterReason,
} from './attempt-policy';
import type { CancelResult, ConfirmResult, LookupResult } from './gateway-results';
import type { PgPayment } from './pg-payment';

/**
 * Drives one payment attempt through attempt-policy.ts. The calls come in as functions, so the same
 * loop runs in a Temporal workflow (activities + workflow sleep + workflow clock) and in tests
 * (adapter calls + real timers). It never cancels anything itself: VOID_REQUIRED tells the caller to.
 */
export interface AttemptOperations {
  /** Same idempotency key on every call of one attempt. */
  confirm(): Promise<ConfirmResult>;
  lookup(): Promise<LookupResult>;
  netCancel(): Promise<CancelResult>;
  sleep(ms: number): Promise<void>;
  nowMs(): number;
}

export interface AttemptInput {
  orderId: string;
  amount: number;
  ambiguityResolution: 'LOOKUP' | 'NET_CANCEL';
  limits?: AttemptLimits;
}

/** One PG call of the attempt, for logs and the dead-letter record. */
export interface AttemptStep {
  call: 'confirm' | 'lookup' | 'netCancel';
  result: ConfirmResult['kind'] | LookupResult['kind'] | CancelResult['kind'];
  /** PG status a look-up found. */
  status?: string;
  code?: string;
}

interface Counters {
  confirmCalls: number;
  /** All look-ups of the attempt. */
  lookups: number;
  steps: AttemptStep[];
}

export type AttemptOutcome = Counters &
  (
    | { status: 'APPROVED'; payment: PgPayment; recoveredByLookup: boolean }
    | { status: 'AWAITING_DEPOSIT'; payment: PgPayment }
    | { status: 'DECLINED'; code: string; message: string }
    | { status: 'VOID_REQUIRED'; payment: PgPayment; reason: 'AMOUNT_MISMATCH' }
    | { status: 'DEAD_LETTER'; reason: DeadLetterReason; code: string; message: string }
  );

export async function runPaymentAttempt(
  ops: AttemptOperations,
  input: AttemptInput,
): Promise<AttemptOutcome> {
  const startedAtMs = ops.nowMs();
  const counters: Counters = { confirmCalls: 0, lookups: 0, steps: [] };
  let lookupsSinceConfirm = 0;
  const progress = () => ({
    ...input,
    startedAtMs,
    nowMs: ops.nowMs(),
    confirmCalls: counters.confirmCalls,
    lookups: lookupsSinceConfirm,
  });

  let decision: AttemptDecision = await confirmOnce();
  for (;;) {
    switch (decision.action) {
      case 'RETRY_CONFIRM':
        await ops.sleep(decision.delayMs);
        decision = await confirmOnce();
        break;
      case 'LOOKUP': {
        if (decision.delayMs > 0) await ops.sleep(decision.delayMs);
        const result = await ops.lookup();
        counters.lookups += 1;
        lookupsSinceConfirm += 1;
        counters.steps.push({
          call: 'lookup',
          result: result.kind,
          status: result.kind === 'found' ? result.payment.status : undefined,
          code: 'code' in result ? result.code : undefined,
        });
        decision = decideAfterLookup(result, progress());
        break;
      }
      case 'NET_CANCEL': {
        const result = await ops.netCancel();
        counters.steps.push({
          call: 'netCancel',
          result: result.kind,
          code: 'code' in result ? result.code : undefined,
        });
        decision = decideAfterNetCancel(result);
        break;
      }
      case 'APPROVED':
        return {
          ...counters,
          status: 'APPROVED',
          payment: decision.payment,
          recoveredByLookup: decision.recoveredByLookup,
        };
      case 'AWAIT_DEPOSIT':
        return { ...counters, status: 'AWAITING_DEPOSIT', payment: decision.payment };
      case 'DECLINED':
        return { ...counters, status: 'DECLINED', code: decision.code, message: decision.message };
      case 'VOID_APPROVAL':
        return { ...counters, status: 'VOID_REQUIRED', payment: decision.payment, reason: decision.reason };
      case 'DEAD_LETTER':
        return {
          ...counters,
          status: 'DEAD_LETTER',
          reason: decision.reason,
          code: decision.code,
          message: decision.message,
        };
    }
  }

  async function confirmOnce(): Promise<AttemptDecision> {
    const result = await ops.confirm();
    counters.confirmCalls += 1;
    lookupsSinceConfirm = 0;
    counters.steps.push({
      call: 'confirm',
      result: result.kind,
      code: 'code' in result ? result.code : undefined,
    });
    return decideAfterConfirm(result, progress());
  }
}
