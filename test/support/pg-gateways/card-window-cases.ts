import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  confirmIdempotencyKey,
  type AttemptOutcome,
  type PaymentGateway,
  type PgPayment,
  type PgReturn,
} from '../../../domain/payment';
import { useSandboxWindow } from '../../../simulators/pg/shared/sandbox-buyer';
import { netCancelOf, runAttempt } from './gateway-test-support';

/**
 * What the NicePay and KG Inicis adapter tests share: both open a card window that POSTs its auth
 * result to the shop's return URL, and both resolve an uncertain approval by net-cancel. The harness
 * drives the buyer; `cardWindowTests` runs the scenarios both PGs must pass.
 */

export interface CardWindowPgSpec {
  /** The PG's segment of the shop's return route. */
  pg: 'nicepay' | 'inicis';
  orderName: string;
  /** NicePay takes the card scope (its window shows only overseas brands for OVERSEAS). */
  sendsCardScope: boolean;
  /** NicePay looks a payment up by its tid; Inicis has no look-up. */
  lookupByTid: boolean;
  gateway(): PaymentGateway;
  newOrderId(): string;
}

export function cardWindowHarness(spec: CardWindowPgSpec) {
  const returnUrl = (orderId: string, outcome: 'success' | 'fail' | 'cancel') =>
    `https://shop.example/api/v1/payments/return/${spec.pg}/${orderId}/${outcome}`;

  async function checkout(amount: number, options: { overseas?: boolean; orderId?: string } = {}) {
    const orderId = options.orderId ?? spec.newOrderId();
    const result = await spec.gateway().prepareCheckout({
      orderId,
      orderName: spec.orderName,
      amount,
      method: 'CARD',
      ...(spec.sendsCardScope && { cardScope: options.overseas ? 'OVERSEAS' : 'DOMESTIC' }),
      successUrl: returnUrl(orderId, 'success'),
      failUrl: returnUrl(orderId, 'fail'),
      cancelUrl: returnUrl(orderId, 'cancel'),
      customerKey: 'cust_7f3a',
    });
    assert.ok(result.kind === 'ready' && result.checkoutUrl);
    return { orderId, checkoutUrl: result.checkoutUrl, clientParams: result.clientParams };
  }

  /** The buyer presses 결제하기; the browser POSTs the PG's auth result to returnUrl; the shop reads it. */
  async function buyerAuthenticates(amount: number, options: { overseas?: boolean } = {}) {
    const { orderId, checkoutUrl } = await checkout(amount, options);
    const outcome = await useSandboxWindow(checkoutUrl, 'approve');
    assert.ok(outcome.kind === 'post', JSON.stringify(outcome));
    assert.equal(outcome.action, returnUrl(orderId, 'success'));
    const read = spec.gateway().parseReturn({ orderId, outcome: 'success', params: outcome.fields });
    assert.ok(read.kind === 'authenticated', JSON.stringify(read));
    return { orderId, pgReturn: read.pgReturn, fields: outcome.fields };
  }

  const confirm = (orderId: string, amount: number, pgReturn: PgReturn, gateway = spec.gateway()) =>
    gateway.confirm({ orderId, amount, pgReturn, idempotencyKey: confirmIdempotencyKey(orderId, 1) });

  function attempt({ orderId, pgReturn }: { orderId: string; pgReturn: PgReturn }, amount: number) {
    const gateway = spec.gateway();
    return runAttempt(
      gateway,
      { orderId, amount },
      {
        confirm: () => confirm(orderId, amount, pgReturn),
        lookup: () =>
          gateway.lookup(spec.lookupByTid ? { orderId, pgTransactionId: pgReturn.token } : { orderId }),
        netCancel: netCancelOf(gateway, orderId, '결제 결과 확인 불가', pgReturn),
      },
    );
  }

  async function approvedPayment(amount = 20_000): Promise<PgPayment> {
    const { orderId, pgReturn } = await buyerAuthenticates(amount);
    const result = await confirm(orderId, amount, pgReturn);
    assert.ok(result.kind === 'approved');
    return result.payment;
  }

  return { returnUrl, checkout, buyerAuthenticates, confirm, attempt, approvedPayment };
}

export type CardWindowHarness = ReturnType<typeof cardWindowHarness>;

export interface CardWindowExpectations {
  provider: PgPayment['provider'];
  approved(
    outcome: Extract<AttemptOutcome, { status: 'APPROVED' }>,
    payment: { orderId: string; pgReturn: PgReturn },
  ): unknown;
  /** What the shop reads from the window's 결제 실패 post. */
  windowFailure: { code: string; message: string };
  windowFailed?(fields: Record<string, string>): unknown;
}

/** The scenarios NicePay and KG Inicis both pass; call inside the adapter's `describe`. */
export function cardWindowTests(
  spec: CardWindowPgSpec,
  h: CardWindowHarness,
  expect: CardWindowExpectations,
): void {
  test('approve: one verified approval call; tid, method, approval time, amount and the raw answer come back', async () => {
    const payment = await h.buyerAuthenticates(32_900);
    const outcome = await h.attempt(payment, 32_900);
    assert.ok(outcome.status === 'APPROVED', JSON.stringify(outcome));
    assert.equal(outcome.payment.provider, expect.provider);
    assert.equal(outcome.payment.orderId, payment.orderId);
    assert.equal(outcome.payment.method, 'CARD');
    assert.equal(outcome.payment.totalAmount, 32_900);
    assert.match(outcome.payment.approvedAt ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+09:00$/);
    assert.equal((outcome.payment.raw as { resultCode: string }).resultCode, '0000');
    assert.equal(outcome.confirmCalls, 1);
    await expect.approved(outcome, payment);
  });

  test('the window: 결제 실패 posts a failed auth result to returnUrl, 취소 sends the buyer to the cancel URL', async () => {
    const gateway = spec.gateway();
    const failed = await h.checkout(6_000);
    const post = await useSandboxWindow(failed.checkoutUrl, 'fail');
    assert.ok(post.kind === 'post');
    await expect.windowFailed?.(post.fields);
    const read = gateway.parseReturn({ orderId: failed.orderId, outcome: 'success', params: post.fields });
    assert.deepEqual(read, { kind: 'failed', ...expect.windowFailure, buyerCanceled: false });

    const cancelled = await h.checkout(6_000);
    const redirect = await useSandboxWindow(cancelled.checkoutUrl, 'cancel');
    assert.ok(redirect.kind === 'redirect');
    assert.equal(redirect.location, h.returnUrl(cancelled.orderId, 'cancel'));
    const gaveUp = gateway.parseReturn({ orderId: cancelled.orderId, outcome: 'cancel', params: {} });
    assert.ok(gaveUp.kind === 'failed' && gaveUp.buyerCanceled);
  });
}
