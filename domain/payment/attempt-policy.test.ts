import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  decideAfterConfirm,
  decideAfterLookup,
  decideAfterNetCancel,
  PAYMENT_ATTEMPT_LIMITS,
  type AttemptProgress,
} from './attempt-policy';
import { runPaymentAttempt } from './attempt-runner';
import type { ConfirmResult, LookupResult } from './gateway-results';
import type { PgPayment } from './pg-payment';

const START = Date.parse('2025-03-01T00:00:00Z');
const progress = (over: Partial<AttemptProgress> = {}): AttemptProgress => ({
  orderId: 'order-1',
  amount: 20_000,
  startedAtMs: START,
  nowMs: START + 1_000,
  confirmCalls: 1,
  lookups: 0,
  ambiguityResolution: 'LOOKUP',
  ...over,
});
const payment = (over: Partial<PgPayment> = {}): PgPayment => ({
  provider: 'TOSS',
  pgTransactionId: 'pk_1',
  orderId: 'order-1',
  status: 'APPROVED',
  method: 'CARD',
  totalAmount: 20_000,
  balanceAmount: 20_000,
  currency: 'KRW',
  cancels: [],
  raw: {},
  ...over,
});
const retryable: ConfirmResult = { kind: 'retryable', code: 'PROVIDER_ERROR', message: 'try again' };
const ambiguous: ConfirmResult = { kind: 'ambiguous', code: 'TIMEOUT', message: 'no answer' };

describe('payment attempt policy', () => {
  test('the limits are the business rules: 4 calls, 10 minutes', () => {
    assert.equal(PAYMENT_ATTEMPT_LIMITS.maxConfirmCalls, 4);
    assert.equal(PAYMENT_ATTEMPT_LIMITS.timeBudgetMs, 600_000);
  });

  test('an approval for this order and amount succeeds; for another amount it must be voided', () => {
    assert.equal(decideAfterConfirm({ kind: 'approved', payment: payment() }, progress()).action, 'APPROVED');
    assert.equal(
      decideAfterConfirm({ kind: 'approved', payment: payment({ totalAmount: 2_000 }) }, progress()).action,
      'VOID_APPROVAL',
    );
    assert.equal(
      decideAfterConfirm({ kind: 'approved', payment: payment({ status: 'AWAITING_DEPOSIT' }) }, progress())
        .action,
      'AWAIT_DEPOSIT',
    );
  });

  test('a decline is final at once', () => {
    assert.deepEqual(
      decideAfterConfirm({ kind: 'declined', code: 'REJECT_CARD_PAYMENT', message: '한도초과' }, progress()),
      { action: 'DECLINED', code: 'REJECT_CARD_PAYMENT', message: '한도초과' },
    );
  });

  test('retryable failures are retried after calls 1–3 and dead-lettered after the 4th', () => {
    for (const calls of [1, 2, 3])
      assert.equal(decideAfterConfirm(retryable, progress({ confirmCalls: calls })).action, 'RETRY_CONFIRM');
    assert.deepEqual(decideAfterConfirm(retryable, progress({ confirmCalls: 4 })), {
      action: 'DEAD_LETTER',
      reason: 'RETRIES_EXHAUSTED',
      code: 'PROVIDER_ERROR',
      message: 'try again',
    });
  });

  test('a retry that would end past the 10-minute budget is not made', () => {
    const late = progress({ confirmCalls: 2, nowMs: START + 599_000 });
    assert.equal(decideAfterConfirm(retryable, late).action, 'DEAD_LETTER');
    assert.equal((decideAfterConfirm(retryable, late) as { reason: string }).reason, 'TIME_BUDGET_EXHAUSTED');
  });

  test('an ambiguous outcome is looked up first — even past the budget — or net-cancelled where the PG needs it', () => {
    assert.deepEqual(decideAfterConfirm(ambiguous, progress({ nowMs: START + 700_000 })), {
      action: 'LOOKUP',
      delayMs: 0,
    });
    assert.deepEqual(decideAfterConfirm(ambiguous, progress({ ambiguityResolution: 'NET_CANCEL' })), {
      action: 'NET_CANCEL',
    });
  });

  test('look-up results: approved wins, unapproved means confirm again, failed/cancelled/expired are final', () => {
    const found = (p: Partial<PgPayment>): LookupResult => ({ kind: 'found', payment: payment(p) });
    assert.deepEqual(decideAfterLookup(found({}), progress({ lookups: 1 })), {
      action: 'APPROVED',
      payment: payment(),
      recoveredByLookup: true,
    });
    assert.equal(
      decideAfterLookup(found({ status: 'PENDING' }), progress({ lookups: 1 })).action,
      'RETRY_CONFIRM',
    );
    assert.equal(
      decideAfterLookup(
        { kind: 'not_found', code: 'NOT_FOUND_PAYMENT', message: '' },
        progress({ lookups: 1 }),
      ).action,
      'RETRY_CONFIRM',
    );
    assert.equal(
      decideAfterLookup(found({ status: 'PENDING' }), progress({ confirmCalls: 4, lookups: 1 })).action,
      'DEAD_LETTER',
    );
    assert.deepEqual(
      decideAfterLookup(
        found({ status: 'FAILED', failure: { code: 'REJECT_CARD_COMPANY', message: '거절' } }),
        progress(),
      ),
      { action: 'DECLINED', code: 'REJECT_CARD_COMPANY', message: '거절' },
    );
    assert.equal(decideAfterLookup(found({ status: 'EXPIRED' }), progress()).action, 'DECLINED');
    assert.equal(
      decideAfterLookup(found({ status: 'PARTIALLY_CANCELED' }), progress()).action,
      'VOID_APPROVAL',
    );
  });

  test('a look-up that keeps failing is retried a few times, then the attempt is dead-lettered as unknown', () => {
    const down: LookupResult = { kind: 'retryable', code: 'TIMEOUT', message: 'no answer' };
    assert.equal(decideAfterLookup(down, progress({ lookups: 1 })).action, 'LOOKUP');
    assert.deepEqual(decideAfterLookup(down, progress({ lookups: 6 })), {
      action: 'DEAD_LETTER',
      reason: 'OUTCOME_UNKNOWN',
      code: 'TIMEOUT',
      message: 'no answer',
    });
  });

  test('after a net-cancel the attempt fails (the buyer pays again); a failed net-cancel is dead-lettered', () => {
    assert.equal(
      decideAfterNetCancel({ kind: 'nothing_to_cancel', code: 'x', message: '' }).action,
      'DECLINED',
    );
    assert.equal(
      decideAfterNetCancel({ kind: 'ambiguous', code: 'TIMEOUT', message: '' }).action,
      'DEAD_LETTER',
    );
  });

  test('the runner drives the calls: retryable, ambiguous, look-up, confirm again, approved', async () => {
    const confirms: ConfirmResult[] = [retryable, ambiguous, { kind: 'approved', payment: payment() }];
    const lookups: LookupResult[] = [{ kind: 'found', payment: payment({ status: 'PENDING' }) }];
    let clock = START;
    const slept: number[] = [];
    const outcome = await runPaymentAttempt(
      {
        confirm: async () => confirms.shift()!,
        lookup: async () => lookups.shift()!,
        netCancel: async () => assert.fail('no net-cancel for a LOOKUP PG'),
        sleep: async (ms) => {
          slept.push(ms);
          clock += ms;
        },
        nowMs: () => clock,
      },
      { orderId: 'order-1', amount: 20_000, ambiguityResolution: 'LOOKUP' },
    );
    assert.equal(outcome.status, 'APPROVED');
    assert.equal(outcome.confirmCalls, 3);
    assert.equal(outcome.lookups, 1);
    assert.deepEqual(slept, [1_000, 3_000]);
  });
});
