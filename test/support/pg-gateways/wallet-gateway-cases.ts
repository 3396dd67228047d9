import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  cancelIdempotencyKey,
  confirmIdempotencyKey,
  type AttemptLimits,
  type AttemptOutcome,
  type CancelResult,
  type CheckoutRequest,
  type CheckoutResult,
  type ConfirmResult,
  type PaymentGateway,
  type PgPayment,
  type PgReturn,
} from '../../../domain/payment';
import type { WindowAction, WindowResult } from '../../../simulators/pg/toss/toss-sandbox-buyer';
import { FAST, netCancelOf, runAttempt } from './gateway-test-support';

/**
 * What the KakaoPay and NaverPay adapter tests share: both are wallets whose window the buyer opens
 * after a ready/reserve call and which come back to the shop with a token. The harness drives the
 * buyer; `walletGatewayTests` runs the scenarios both PGs must pass, each PG giving its own
 * expectations.
 */

export interface WalletPgSpec {
  method: 'KAKAOPAY' | 'NAVERPAY';
  /** The shop's return route for this PG (order id and outcome are appended). */
  shop: string;
  orderName: string;
  customerKey: string;
  /** KakaoPay takes a cancel URL and needs its tid (`pgReference`) on approve and look-up. */
  kakaoStyle: boolean;
  gateway(): PaymentGateway;
  newOrderId(): string;
  openWindow(url: string, action: WindowAction, choices?: Record<string, string>): Promise<WindowResult>;
  approveCalls(): number;
  faults(knobs: Record<string, unknown>): void;
}

export interface WalletPayment {
  orderId: string;
  pgReturn: PgReturn;
  /** What prepareCheckout returned (KakaoPay tid, NaverPay reserveId). */
  pgReference: string;
}

export function walletHarness(pg: WalletPgSpec) {
  const checkoutRequest = (orderId: string, extra: Partial<CheckoutRequest> = {}): CheckoutRequest => ({
    orderId,
    orderName: '테스트',
    amount: 1_000,
    method: pg.method,
    successUrl: `${pg.shop}/${orderId}/success`,
    failUrl: `${pg.shop}/${orderId}/fail`,
    customerKey: 'c',
    ...extra,
  });

  /** ready/reserve, then the buyer opens the window and presses a button: what the return route would read. */
  async function buyer(
    amount: number,
    options: { action?: WindowAction; taxFree?: number; choices?: Record<string, string> } = {},
  ) {
    const orderId = pg.newOrderId();
    const checkout = await pg.gateway().prepareCheckout(
      checkoutRequest(orderId, {
        orderName: pg.orderName,
        amount,
        customerKey: pg.customerKey,
        taxFreeAmount: options.taxFree,
        ...(pg.kakaoStyle && { cancelUrl: `${pg.shop}/${orderId}/cancel` }),
      }),
    );
    assert.ok(checkout.kind === 'ready', JSON.stringify(checkout));
    assert.ok(checkout.checkoutUrl && checkout.pgReference);
    const window = await pg.openWindow(checkout.checkoutUrl, options.action ?? 'approve', options.choices);
    // KakaoPay tells the outcome by the URL it returns to; NaverPay always comes back to returnUrl.
    const outcome = pg.kakaoStyle
      ? (window.location.split('?')[0]!.split('/').at(-1) as 'success' | 'fail' | 'cancel')
      : 'success';
    const parsed = pg.gateway().parseReturn({
      orderId,
      outcome,
      params: window.params,
      pgReference: checkout.pgReference,
    });
    return { orderId, pgReference: checkout.pgReference, checkout, window, parsed };
  }

  async function authenticated(amount: number, options: { taxFree?: number } = {}): Promise<WalletPayment> {
    const { orderId, pgReference, parsed } = await buyer(amount, options);
    assert.ok(parsed.kind === 'authenticated', JSON.stringify(parsed));
    return { orderId, pgReturn: parsed.pgReturn, pgReference };
  }

  const withReference = (payment: WalletPayment) =>
    pg.kakaoStyle ? { pgReference: payment.pgReference } : {};

  const confirm = (
    payment: WalletPayment,
    amount: number,
    options: { pgReturn?: PgReturn; customerKey?: string; key?: string } = {},
  ): Promise<ConfirmResult> =>
    pg.gateway().confirm({
      orderId: payment.orderId,
      amount,
      pgReturn: options.pgReturn ?? payment.pgReturn,
      ...withReference(payment),
      customerKey: options.customerKey,
      idempotencyKey: options.key ?? confirmIdempotencyKey(payment.orderId, 1),
    });

  const lookup = (payment: WalletPayment) =>
    pg.gateway().lookup({
      orderId: payment.orderId,
      pgTransactionId: payment.pgReturn.token,
      ...withReference(payment),
    });

  async function approvedPayment(amount: number, taxFree = 0): Promise<PgPayment> {
    const payment = await authenticated(amount, { taxFree });
    const result = await confirm(payment, amount);
    assert.ok(result.kind === 'approved', JSON.stringify(result));
    return result.payment;
  }

  /** The PaymentAttempt rules over the adapter, as the workflow drives them. */
  function attempt(payment: WalletPayment, amount: number, limits: AttemptLimits = FAST) {
    const gateway = pg.gateway();
    return runAttempt(
      gateway,
      { orderId: payment.orderId, amount, limits },
      {
        confirm: () => confirm(payment, amount),
        lookup: () => lookup(payment),
        netCancel: netCancelOf(gateway, payment.orderId, '승인 결과 불명', payment.pgReturn),
      },
    );
  }

  return {
    checkoutRequest,
    buyer,
    authenticated,
    confirm,
    lookup,
    approvedPayment,
    attempt,
    faults: pg.faults,
    approveCalls: pg.approveCalls,
  };
}

export type WalletHarness = ReturnType<typeof walletHarness>;

export interface WalletExpectations {
  /** The PG's transaction id of an approved payment (KakaoPay tid, NaverPay paymentId). */
  pgTransactionIdOf(payment: WalletPayment): string;
  approved(outcome: Extract<AttemptOutcome, { status: 'APPROVED' }>, payment: WalletPayment): unknown;
  /** The order now says another amount than the window was opened for. */
  otherAmount(payment: WalletPayment): Promise<unknown>;
  /** Answer fields a forged answer may change to another order's, and the amount field. */
  forgedFields: readonly string[];
  forgedAmountField: string;
  cancel: {
    partial(result: Extract<CancelResult, { kind: 'canceled' }>, payment: PgPayment): unknown;
    overBalanceCode: string;
    rest(payment: PgPayment): unknown;
    again(payment: PgPayment): Promise<unknown>;
  };
  netCanceled(result: Extract<CancelResult, { kind: 'canceled' }>, payment: WalletPayment): unknown;
  /** The tax-free amount the window shows, if the PG takes one. */
  windowTaxFree?: number;
  window(checkout: Extract<CheckoutResult, { kind: 'ready' }>, orderId: string): unknown;
  sandboxGateway(): Promise<PaymentGateway>;
  sandboxWindow(checkout: Extract<CheckoutResult, { kind: 'ready' }>): unknown;
  webhookBody: string;
}

/** The scenarios KakaoPay and NaverPay both pass; call inside the adapter's `describe`. */
export function walletGatewayTests(pg: WalletPgSpec, h: WalletHarness, expect: WalletExpectations): void {
  const name = pg.method === 'KAKAOPAY' ? 'KakaoPay' : 'NaverPay';

  test('approve: ready/reserve → window → return with the token → one approve; id, method, time and raw answer come back', async () => {
    const payment = await h.authenticated(32_900);
    const outcome = await h.attempt(payment, 32_900);
    assert.ok(outcome.status === 'APPROVED', JSON.stringify(outcome));
    assert.equal(outcome.payment.pgTransactionId, expect.pgTransactionIdOf(payment));
    assert.equal(outcome.payment.provider, pg.method);
    assert.equal(outcome.payment.method, pg.method);
    assert.equal(outcome.payment.pgMethodLabel, 'CARD');
    assert.equal(outcome.payment.totalAmount, 32_900);
    assert.match(outcome.payment.approvedAt ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00$/);
    assert.equal(h.approveCalls(), 1);
    await expect.approved(outcome, payment);
  });

  test(`amounts: a tampered browser amount is refused before any call; ${name} does not approve another total`, async () => {
    const payment = await h.authenticated(30_000);
    const tampered = await h.confirm(payment, 30_000, { pgReturn: { ...payment.pgReturn, amount: 300 } });
    assert.ok(tampered.kind === 'declined' && tampered.code === 'PAYMENT_AMOUNT_MISMATCH');
    assert.equal(h.approveCalls(), 0);
    await expect.otherAmount(payment);
  });

  test('an answer for another order or payment is refused (ambiguous) and the look-up settles it; another amount is voided', async () => {
    for (const field of expect.forgedFields) {
      const payment = await h.authenticated(6_000);
      h.faults({ forge: { field } });
      const first = await h.confirm(payment, 6_000);
      assert.ok(first.kind === 'ambiguous' && first.code === `${pg.method}_RESPONSE_MISMATCH`, field);
      const settled = await h.lookup(payment);
      assert.ok(settled.kind === 'found' && settled.payment.status === 'APPROVED', field);
      assert.equal(settled.payment.pgTransactionId, expect.pgTransactionIdOf(payment));
    }
    const payment = await h.authenticated(6_000);
    h.faults({ forge: { field: expect.forgedAmountField } });
    assert.equal((await h.attempt(payment, 6_000)).status, 'VOID_REQUIRED');
  });

  test('cancel: partial cancels carry their tax-free part and lower the balance; over-balance is refused; a full cancel sends what is left, once', async () => {
    const gateway = pg.gateway();
    const payment = await h.approvedPayment(20_000, 5_000);
    const { orderId, pgTransactionId } = payment;
    const partial = await gateway.cancel({
      orderId,
      pgTransactionId,
      cancelAmount: 3_000,
      taxFreeAmount: 1_000,
      balanceAmount: 20_000,
      reason: '부분 반품',
      idempotencyKey: cancelIdempotencyKey(orderId, 1),
    });
    assert.ok(partial.kind === 'canceled', JSON.stringify(partial));
    assert.equal(partial.canceledAmount, 3_000);
    assert.equal(partial.payment.balanceAmount, 17_000);
    assert.equal(partial.payment.status, 'PARTIALLY_CANCELED');
    await expect.cancel.partial(partial, payment);

    const tooMuch = await gateway.cancel({
      orderId,
      pgTransactionId,
      cancelAmount: 18_000,
      reason: '초과 취소',
      idempotencyKey: cancelIdempotencyKey(orderId, 2),
    });
    assert.ok(tooMuch.kind === 'declined', JSON.stringify(tooMuch));
    assert.equal(tooMuch.code, expect.cancel.overBalanceCode);

    const rest = await gateway.cancel({
      orderId,
      pgTransactionId,
      reason: '주문 취소',
      idempotencyKey: cancelIdempotencyKey(orderId, 3),
    });
    assert.ok(rest.kind === 'canceled', JSON.stringify(rest));
    assert.equal(rest.canceledAmount, 17_000);
    assert.equal(rest.payment.status, 'CANCELED');
    assert.equal(rest.payment.balanceAmount, 0);
    assert.deepEqual(
      rest.payment.cancels.map((c) => c.amount),
      [3_000, 17_000],
    );
    await expect.cancel.rest(payment);

    const again = await gateway.cancel({
      orderId,
      pgTransactionId,
      reason: '주문 취소',
      idempotencyKey: cancelIdempotencyKey(orderId, 4),
    });
    assert.ok(again.kind === 'canceled' && again.alreadyCanceled && again.canceledAmount === 0);
    await expect.cancel.again(payment);
  });

  test(`net-cancel after an uncertain approve cancels what ${name} approved; with nothing approved it does nothing`, async () => {
    const gateway = pg.gateway();
    const payment = await h.authenticated(6_000);
    h.faults({ loseResponse: { mode: 'drop' } });
    assert.equal((await h.confirm(payment, 6_000)).kind, 'ambiguous');
    // The workflow hands net-cancel only the PG return: what the PG needs travels in it (parseReturn).
    const netCancel = (of: WalletPayment, idempotencyKey: string) =>
      gateway.netCancel({
        orderId: of.orderId,
        pgReturn: of.pgReturn,
        reason: '승인 결과 불명',
        idempotencyKey,
      });
    const undone = await netCancel(payment, 'n1');
    assert.ok(undone.kind === 'canceled', JSON.stringify(undone));
    await expect.netCanceled(undone, payment);
    const nothing = await netCancel(await h.authenticated(6_000), 'n2');
    assert.equal(nothing.kind, 'nothing_to_cancel');
  });

  test('the sandbox window shows the order and the three buttons', async () => {
    const orderId = pg.newOrderId();
    const checkout = await pg.gateway().prepareCheckout(
      h.checkoutRequest(orderId, {
        orderName: '무선 키보드 외 1건',
        amount: 15_000,
        customerKey: 'c1',
        taxFreeAmount: expect.windowTaxFree,
      }),
    );
    assert.ok(checkout.kind === 'ready');
    const html = await (await fetch(checkout.checkoutUrl!)).text();
    for (const button of ['결제하기', '결제 실패', '취소'])
      assert.match(html, new RegExp(`<button type="submit">${button}</button>`));
    assert.match(html, /15,000원/);
    if (expect.windowTaxFree)
      assert.match(html, new RegExp(`${expect.windowTaxFree.toLocaleString('en-US')}원`));
    assert.match(html, /무선 키보드 외 1건/);
    await expect.window(checkout, orderId);
  });

  test('a spent window cannot be paid again', async () => {
    const { checkout } = await h.buyer(5_000);
    await assert.rejects(
      pg.openWindow(checkout.kind === 'ready' ? checkout.checkoutUrl! : '', 'approve'),
      /409/,
    );
  });

  test('in sandbox mode the window is on the shop address', async () => {
    const sandboxGateway = await expect.sandboxGateway();
    const checkout = await sandboxGateway.prepareCheckout(h.checkoutRequest(pg.newOrderId()));
    assert.ok(checkout.kind === 'ready');
    await expect.sandboxWindow(checkout);
  });

  test(`${name} sends no webhooks: anything posted as one is rejected`, async () => {
    const result = await pg.gateway().parseWebhook({ headers: {}, rawBody: expect.webhookBody });
    assert.equal(result.kind, 'rejected');
    assert.notEqual(result.ack.status, 200);
  });
}
