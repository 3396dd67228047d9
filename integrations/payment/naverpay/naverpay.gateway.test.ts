import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import {
  cancelIdempotencyKey,
  confirmIdempotencyKey,
  type PaymentGateway,
  type PgReturn,
} from '../../../domain/payment';
import { NAVERPAY_SANDBOX_MERCHANT } from '../../../simulators/pg/naverpay/naverpay.simulator';
import { useNaverPayWindow } from '../../../simulators/pg/naverpay/naverpay-sandbox-buyer';
import { FAST, netCancelOf, runAttempt, startSimulator } from '../gateway-test-support';
import { createNaverPayGateway } from './naverpay.gateway';
import { openNaverPayGateway } from './naverpay-vendor';

const SHOP = 'https://shop.example/api/v1/payments/return/naverpay';

describe('NaverPay adapter against the PG simulator', () => {
  const running = startSimulator();
  const { simulator } = running;
  let gateway: PaymentGateway;
  let seq = 0;
  const newOrderId = () => `npy-${process.pid}-${Date.now().toString(36)}-${++seq}`;
  const gatewayWith = (overrides: Partial<Record<keyof typeof NAVERPAY_SANDBOX_MERCHANT, string>> = {}) =>
    createNaverPayGateway({
      apiBaseUrl: `${running.url}/naverpay`,
      ...NAVERPAY_SANDBOX_MERCHANT,
      ...overrides,
      paymentPageUrl: `${running.url}/sandbox/naverpay/payments`,
      timeoutMs: 300,
    });

  before(() => {
    gateway = gatewayWith();
  });

  const naver = simulator.state.naverpay;
  const faults = (knobs: Record<string, unknown>) => simulator.modules.naverpay.setFaults(knobs);
  const callsOf = (operation: string) => naver.calls.filter((c) => c.operation === operation);

  /** reserve, then the buyer opens the payment page and presses a button: what the return route would read. */
  async function buyer(
    amount: number,
    options: {
      action?: 'approve' | 'fail' | 'cancel';
      taxFree?: number;
      choices?: Record<string, string>;
    } = {},
  ) {
    const orderId = newOrderId();
    const checkout = await gateway.prepareCheckout({
      orderId,
      orderName: '유기농 현미 4kg',
      amount,
      method: 'NAVERPAY',
      successUrl: `${SHOP}/${orderId}/success`,
      failUrl: `${SHOP}/${orderId}/fail`,
      customerKey: 'cust_5b2c',
      taxFreeAmount: options.taxFree,
    });
    assert.ok(checkout.kind === 'ready', JSON.stringify(checkout));
    assert.ok(checkout.checkoutUrl && checkout.pgReference);
    const window = await useNaverPayWindow(
      checkout.checkoutUrl,
      options.action ?? 'approve',
      options.choices,
    );
    const parsed = gateway.parseReturn({
      orderId,
      outcome: 'success',
      params: window.params,
      pgReference: checkout.pgReference,
    });
    return { orderId, reserveId: checkout.pgReference, checkout, window, parsed };
  }

  async function authenticated(amount: number, options: { taxFree?: number } = {}) {
    const { orderId, parsed } = await buyer(amount, options);
    assert.ok(parsed.kind === 'authenticated', JSON.stringify(parsed));
    return { orderId, pgReturn: parsed.pgReturn };
  }

  const confirm = (
    orderId: string,
    amount: number,
    pgReturn: PgReturn,
    key = confirmIdempotencyKey(orderId, 1),
  ) => gateway.confirm({ orderId, amount, pgReturn, idempotencyKey: key });

  async function approvedPayment(amount = 10_000, taxFree = 0) {
    const { orderId, pgReturn } = await authenticated(amount, { taxFree });
    const result = await confirm(orderId, amount, pgReturn);
    assert.ok(result.kind === 'approved', JSON.stringify(result));
    return result.payment;
  }

  /** The PaymentAttempt rules over the adapter, as the workflow drives them (look-up by the paymentId). */
  function attempt(orderId: string, amount: number, pgReturn: PgReturn, limits = FAST) {
    return runAttempt(
      gateway,
      { orderId, amount, limits },
      {
        confirm: () => confirm(orderId, amount, pgReturn),
        lookup: () => gateway.lookup({ orderId, pgTransactionId: pgReturn.token }),
        netCancel: netCancelOf(gateway, orderId, '승인 결과 불명', pgReturn),
      },
    );
  }

  test('approve: reserve → payment page → returnUrl?resultCode=Success&paymentId → one form-encoded approve with the idempotency key', async () => {
    const { orderId, pgReturn } = await authenticated(32_900);
    const outcome = await attempt(orderId, 32_900, pgReturn);
    assert.ok(outcome.status === 'APPROVED', JSON.stringify(outcome));
    assert.equal(outcome.payment.provider, 'NAVERPAY');
    assert.equal(outcome.payment.pgTransactionId, pgReturn.token);
    assert.match(pgReturn.token, /^\d{8}NP\d{10}$/);
    assert.equal(outcome.payment.method, 'NAVERPAY');
    assert.equal(outcome.payment.pgMethodLabel, 'CARD');
    assert.equal(outcome.payment.card?.maskedNumber, '433012******1234');
    assert.equal(outcome.payment.totalAmount, 32_900);
    assert.match(outcome.payment.approvedAt ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00$/);
    assert.equal((outcome.payment.raw as { code: string }).code, 'Success');
    const [call] = callsOf('approve');
    assert.equal(callsOf('approve').length, 1);
    assert.match(call!.contentType ?? '', /^application\/x-www-form-urlencoded/);
    assert.deepEqual(call!.fields, { paymentId: pgReturn.token });
    assert.equal(call!.idempotencyKey, confirmIdempotencyKey(orderId, 1));
  });

  test('decline is final: one approve, the code and message reach the caller, the history shows the failure', async () => {
    const { orderId, pgReturn } = await authenticated(12_000);
    faults({ decline: { code: 'Fail', message: '카드사 승인이 거절되었습니다. (한도초과)' } });
    const outcome = await attempt(orderId, 12_000, pgReturn);
    assert.ok(outcome.status === 'DECLINED', JSON.stringify(outcome));
    assert.equal(outcome.code, 'Fail');
    assert.equal(outcome.message, '카드사 승인이 거절되었습니다. (한도초과)');
    assert.equal(callsOf('approve').length, 1);
    const found = await gateway.lookup({ orderId, pgTransactionId: pgReturn.token });
    assert.ok(found.kind === 'found' && found.payment.status === 'FAILED');
  });

  test('MaintenanceOngoing twice, then the third approve succeeds — all with the same idempotency key', async () => {
    const { orderId, pgReturn } = await authenticated(9_900);
    faults({ transient: { times: 2 } });
    const outcome = await attempt(orderId, 9_900, pgReturn);
    assert.equal(outcome.status, 'APPROVED');
    assert.deepEqual(
      outcome.steps.map((s) => `${s.call}:${s.result}:${s.code ?? ''}`),
      ['confirm:retryable:MaintenanceOngoing', 'confirm:retryable:MaintenanceOngoing', 'confirm:approved:'],
    );
    assert.deepEqual(
      new Set(callsOf('approve').map((c) => c.idempotencyKey)),
      new Set([confirmIdempotencyKey(orderId, 1)]),
    );
  });

  test('retries exhausted: 4 approves in all, then the result says dead-letter; nothing was approved', async () => {
    const { orderId, pgReturn } = await authenticated(21_000);
    faults({ transient: { times: 10 } });
    const outcome = await attempt(orderId, 21_000, pgReturn);
    assert.ok(outcome.status === 'DEAD_LETTER');
    assert.equal(outcome.reason, 'RETRIES_EXHAUSTED');
    assert.equal(outcome.code, 'MaintenanceOngoing');
    assert.equal(callsOf('approve').length, 4);
    assert.equal((await gateway.lookup({ orderId, pgTransactionId: pgReturn.token })).kind, 'not_found');
  });

  test('timeout: the approve hangs past the client timeout, the history finds the approval, no second approve', async () => {
    const { orderId, pgReturn } = await authenticated(45_000);
    faults({ timeout: { hangMs: 2_000 } });
    const outcome = await attempt(orderId, 45_000, pgReturn);
    assert.ok(outcome.status === 'APPROVED' && outcome.recoveredByLookup);
    assert.deepEqual(
      outcome.steps.map((s) => `${s.call}:${s.result}:${s.code ?? s.status ?? ''}`),
      ['confirm:ambiguous:TIMEOUT', 'lookup:found:APPROVED'],
    );
    assert.equal(callsOf('approve').length, 1);
  });

  test('approved but the answer is lost (connection dropped, or a 500): the history finds the approval', async () => {
    for (const mode of ['drop', 'error']) {
      const { orderId, pgReturn } = await authenticated(7_500);
      faults({ loseResponse: { mode } });
      const before = callsOf('approve').length;
      const outcome = await attempt(orderId, 7_500, pgReturn);
      assert.ok(outcome.status === 'APPROVED' && outcome.recoveredByLookup, mode);
      assert.equal(outcome.steps[0]?.code, mode === 'drop' ? 'NETWORK_ERROR' : 'InternalServerError');
      assert.equal(callsOf('approve').length - before, 1, `${mode}: no second approve`);
    }
  });

  test('a timeout where NaverPay did nothing: the history has no approval and the approve goes out again', async () => {
    const { orderId, pgReturn } = await authenticated(3_000);
    faults({ timeout: { hangMs: 400, process: false } });
    const outcome = await attempt(orderId, 3_000, pgReturn, { ...FAST, retryDelaysMs: [500, 500, 500] });
    assert.equal(outcome.status, 'APPROVED');
    assert.deepEqual(
      outcome.steps.map((s) => `${s.call}:${s.result}`),
      ['confirm:ambiguous', 'lookup:not_found', 'confirm:approved'],
    );
  });

  describe('idempotency key', () => {
    test('an approve repeated with the same key after a lost answer is answered 409 with the first approval', async () => {
      const { orderId, pgReturn } = await authenticated(4_000);
      faults({ loseResponse: { mode: 'error' } });
      assert.equal((await confirm(orderId, 4_000, pgReturn)).kind, 'ambiguous');
      const replayed = await confirm(orderId, 4_000, pgReturn);
      assert.ok(replayed.kind === 'approved' && replayed.alreadyApproved, JSON.stringify(replayed));
      assert.equal(replayed.payment.pgTransactionId, pgReturn.token);
      assert.deepEqual(
        callsOf('approve').map((c) => [c.status, c.delivery]),
        [
          [200, 'replaced-by-500'],
          [409, 'replayed'],
        ],
      );
    });

    test('with another key NaverPay answers AlreadyComplete, read back from the history as this approval', async () => {
      const { orderId, pgReturn } = await authenticated(4_000);
      assert.equal((await confirm(orderId, 4_000, pgReturn)).kind, 'approved');
      const again = await confirm(orderId, 4_000, pgReturn, confirmIdempotencyKey(orderId, 2));
      assert.ok(again.kind === 'approved' && again.alreadyApproved);
      assert.equal(callsOf('approve').at(-1)?.code, 'AlreadyComplete');
    });

    test('a repeat while the first call with the key is still running gets AlreadyOnGoing (ambiguous), never a second approval', async () => {
      const { orderId, pgReturn } = await authenticated(4_000);
      faults({ timeout: { hangMs: 700 } });
      const first = confirm(orderId, 4_000, pgReturn);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const second = await confirm(orderId, 4_000, pgReturn);
      assert.ok(second.kind === 'ambiguous' && second.code === 'AlreadyOnGoing', JSON.stringify(second));
      assert.equal((await first).kind, 'ambiguous');
      const found = await gateway.lookup({ orderId, pgTransactionId: pgReturn.token });
      assert.ok(found.kind === 'found' && found.payment.status === 'APPROVED');
    });
  });

  test('amounts: a tampered browser amount is refused before any call; an approval for another amount is voided', async () => {
    const { orderId, pgReturn } = await authenticated(30_000);
    const tampered = await confirm(orderId, 30_000, { ...pgReturn, amount: 300 });
    assert.ok(tampered.kind === 'declined' && tampered.code === 'PAYMENT_AMOUNT_MISMATCH');
    assert.equal(callsOf('approve').length, 0);
    // The page was reserved (and paid) for 30,000원; the order now says 31,000원.
    const outcome = await attempt(orderId, 31_000, pgReturn);
    assert.ok(outcome.status === 'VOID_REQUIRED', JSON.stringify(outcome));
    assert.equal(outcome.payment.totalAmount, 30_000);
  });

  describe('auth and answers, both ways', () => {
    test('wrong client secret, chain id or partner id: final, alerting declines on reserve, approve and history', async () => {
      const { orderId, pgReturn } = await authenticated(5_000);
      for (const [override, code] of [
        [{ clientSecret: 'not-the-secret' }, 'Unauthorized'],
        [{ chainId: 'other-chain' }, 'InvalidChainId'],
        [{ partnerId: 'np_someone_else' }, 'InvalidMerchant'],
      ] as const) {
        const wrong = gatewayWith(override);
        const reserve = await wrong.prepareCheckout({
          orderId: newOrderId(),
          orderName: '테스트',
          amount: 1_000,
          method: 'NAVERPAY',
          successUrl: `${SHOP}/x/success`,
          failUrl: `${SHOP}/x/fail`,
          customerKey: 'c',
        });
        assert.ok(reserve.kind === 'declined' && reserve.alert && reserve.code === code, code);
        const approve = await wrong.confirm({
          orderId,
          amount: 5_000,
          pgReturn,
          idempotencyKey: confirmIdempotencyKey(orderId, 1),
        });
        assert.ok(approve.kind === 'declined' && approve.alert && approve.code === code, code);
        const lookup = await wrong.lookup({ orderId, pgTransactionId: pgReturn.token });
        assert.ok(lookup.kind === 'declined' && lookup.alert, code);
      }
      assert.equal(naver.payments.get(pgReturn.token)?.status, 'AUTHENTICATED', 'nothing was approved');
    });

    test('the simulator wants the approve form-encoded: a JSON approve is refused', async () => {
      const { pgReturn } = await authenticated(5_000);
      const answer = await fetch(
        `${running.url}/naverpay/${NAVERPAY_SANDBOX_MERCHANT.partnerId}/naverpay/payments/v2.2/apply/payment`,
        {
          method: 'POST',
          headers: {
            'x-naver-client-id': NAVERPAY_SANDBOX_MERCHANT.clientId,
            'x-naver-client-secret': NAVERPAY_SANDBOX_MERCHANT.clientSecret,
            'x-naverpay-chain-id': NAVERPAY_SANDBOX_MERCHANT.chainId,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ paymentId: pgReturn.token }),
        },
      );
      assert.equal(answer.status, 200, 'business failures come back as HTTP 200');
      assert.equal(((await answer.json()) as { code: string }).code, 'InvalidParameter');
      assert.equal(naver.payments.get(pgReturn.token)?.status, 'AUTHENTICATED');
    });

    test('an answer for another order or paymentId is refused (ambiguous) and the history settles it; another amount is voided', async () => {
      for (const field of ['merchantPayKey', 'paymentId']) {
        const { orderId, pgReturn } = await authenticated(6_000);
        faults({ forge: { field } });
        const first = await confirm(orderId, 6_000, pgReturn);
        assert.ok(first.kind === 'ambiguous' && first.code === 'NAVERPAY_RESPONSE_MISMATCH', field);
        const settled = await gateway.lookup({ orderId, pgTransactionId: pgReturn.token });
        assert.ok(settled.kind === 'found' && settled.payment.status === 'APPROVED', field);
      }
      const { orderId, pgReturn } = await authenticated(6_000);
      faults({ forge: { field: 'totalPayAmount' } });
      assert.equal((await attempt(orderId, 6_000, pgReturn)).status, 'VOID_REQUIRED');
    });
  });

  describe('cancel', () => {
    test('partial cancels send the tax split and the expected remaining amount; a full cancel sends what is left', async () => {
      const payment = await approvedPayment(20_000, 5_000);
      const { orderId, pgTransactionId: paymentId } = payment;
      const partial = await gateway.cancel({
        orderId,
        pgTransactionId: paymentId,
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
      assert.ok(partial.cancelTransactionId);
      const sent = callsOf('cancel').at(-1)!;
      assert.match(sent.contentType ?? '', /^application\/x-www-form-urlencoded/);
      assert.deepEqual(sent.fields, {
        paymentId,
        cancelAmount: '3000',
        cancelReason: '부분 반품',
        cancelRequester: '2',
        taxScopeAmount: '2000',
        taxExScopeAmount: '1000',
        doCompareRest: '1',
        expectedRestAmount: '17000',
      });
      assert.equal(sent.idempotencyKey, cancelIdempotencyKey(orderId, 1));

      const tooMuch = await gateway.cancel({
        orderId,
        pgTransactionId: paymentId,
        cancelAmount: 18_000,
        reason: '초과 취소',
        idempotencyKey: cancelIdempotencyKey(orderId, 2),
      });
      assert.ok(tooMuch.kind === 'declined' && tooMuch.code === 'OverRemainAmount', JSON.stringify(tooMuch));

      const rest = await gateway.cancel({
        orderId,
        pgTransactionId: paymentId,
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
      assert.deepEqual(
        [
          callsOf('cancel').at(-1)!.fields!.taxExScopeAmount,
          callsOf('cancel').at(-1)!.fields!.expectedRestAmount,
        ],
        ['4000', '0'],
      );

      const again = await gateway.cancel({
        orderId,
        pgTransactionId: paymentId,
        reason: '주문 취소',
        idempotencyKey: cancelIdempotencyKey(orderId, 4),
      });
      assert.ok(again.kind === 'canceled' && again.alreadyCanceled && again.canceledAmount === 0);
      const found = await gateway.lookup({ orderId, pgTransactionId: paymentId });
      assert.ok(found.kind === 'found' && found.payment.status === 'CANCELED');
      assert.equal(found.payment.cancels.length, 2);
    });

    test('the expected remaining amount protects the balance: a cancel based on a stale balance is refused, nothing cancelled', async () => {
      const payment = await approvedPayment(10_000);
      const result = await gateway.cancel({
        orderId: payment.orderId,
        pgTransactionId: payment.pgTransactionId,
        cancelAmount: 2_000,
        balanceAmount: 9_000,
        reason: '부분 취소',
        idempotencyKey: cancelIdempotencyKey(payment.orderId, 1),
      });
      assert.ok(result.kind === 'declined' && result.code === 'RestAmountDiff', JSON.stringify(result));
      const found = await gateway.lookup({
        orderId: payment.orderId,
        pgTransactionId: payment.pgTransactionId,
      });
      assert.ok(found.kind === 'found' && found.payment.balanceAmount === 10_000);
    });

    test('a cancel repeated after a lost answer cancels once: replayed with the same key, recognised with another', async () => {
      const payment = await approvedPayment(10_000);
      const request = {
        orderId: payment.orderId,
        pgTransactionId: payment.pgTransactionId,
        cancelAmount: 2_500,
        balanceAmount: 10_000,
        reason: '부분 취소',
        idempotencyKey: cancelIdempotencyKey(payment.orderId, 1),
      };
      faults({ loseResponse: { mode: 'drop', operation: 'cancel' } });
      assert.equal((await gateway.cancel(request)).kind, 'ambiguous');
      const replayed = await gateway.cancel(request);
      assert.ok(replayed.kind === 'canceled', JSON.stringify(replayed));
      assert.equal(callsOf('cancel').at(-1)?.delivery, 'replayed');
      const other = await gateway.cancel({
        ...request,
        idempotencyKey: cancelIdempotencyKey(payment.orderId, 2),
      });
      assert.ok(other.kind === 'canceled' && other.alreadyCanceled, JSON.stringify(other));
      const found = await gateway.lookup({
        orderId: payment.orderId,
        pgTransactionId: payment.pgTransactionId,
      });
      assert.ok(found.kind === 'found');
      assert.equal(found.payment.balanceAmount, 7_500);
      assert.equal(found.payment.cancels.length, 1);
    });
  });

  test('net-cancel after an uncertain approve cancels what NaverPay approved; with nothing approved it does nothing', async () => {
    const { orderId, pgReturn } = await authenticated(6_000);
    faults({ loseResponse: { mode: 'drop' } });
    assert.equal((await confirm(orderId, 6_000, pgReturn)).kind, 'ambiguous');
    const undone = await gateway.netCancel({
      orderId,
      pgReturn,
      reason: '승인 결과 불명',
      idempotencyKey: 'n1',
    });
    assert.ok(undone.kind === 'canceled', JSON.stringify(undone));
    assert.equal(undone.payment.status, 'CANCELED');
    const other = await authenticated(6_000);
    const nothing = await gateway.netCancel({
      orderId: other.orderId,
      pgReturn: other.pgReturn,
      reason: '승인 결과 불명',
      idempotencyKey: 'n2',
    });
    assert.equal(nothing.kind, 'nothing_to_cancel');
  });

  describe('the sandbox payment page and the return', () => {
    test('the page shows the order and the three buttons', async () => {
      const orderId = newOrderId();
      const checkout = await gateway.prepareCheckout({
        orderId,
        orderName: '무선 키보드 외 1건',
        amount: 15_000,
        method: 'NAVERPAY',
        successUrl: `${SHOP}/${orderId}/success`,
        failUrl: `${SHOP}/${orderId}/fail`,
        customerKey: 'c1',
      });
      assert.ok(checkout.kind === 'ready');
      assert.equal(checkout.checkoutUrl, `${running.url}/sandbox/naverpay/payments/${checkout.pgReference}`);
      const html = await (await fetch(checkout.checkoutUrl!)).text();
      for (const button of ['결제하기', '결제 실패', '취소'])
        assert.match(html, new RegExp(`<button type="submit">${button}</button>`));
      assert.match(html, /15,000원/);
      assert.match(html, /무선 키보드 외 1건/);
      const reserved = callsOf('reserve').at(-1)!;
      assert.match(reserved.contentType ?? '', /^application\/json/);
      assert.equal(reserved.fields!.returnUrl, `${SHOP}/${orderId}/success`);
    });

    test('결제하기 → returnUrl?resultCode=Success&paymentId; parseReturn gives the paymentId', async () => {
      const { window, parsed, orderId, reserveId } = await buyer(11_000);
      assert.ok(window.location.startsWith(`${SHOP}/${orderId}/success?`));
      assert.equal(window.params.resultCode, 'Success');
      assert.ok(parsed.kind === 'authenticated');
      assert.equal(parsed.pgReturn.token, window.params.paymentId);
      assert.deepEqual(parsed.pgReturn.params, { reserveId });
    });

    test('결제 실패 → resultCode=Fail with the reason; 취소 → userCancel, read as the buyer giving up', async () => {
      const failed = await buyer(11_000, { action: 'fail' });
      assert.deepEqual(
        { resultCode: failed.window.params.resultCode, resultMessage: failed.window.params.resultMessage },
        { resultCode: 'Fail', resultMessage: 'OwnerAuthFail' },
      );
      assert.deepEqual(failed.parsed, {
        kind: 'failed',
        code: 'NAVERPAY_OwnerAuthFail',
        message: '본인 명의의 카드로만 결제할 수 있습니다.',
        buyerCanceled: false,
      });
      const expired = await buyer(11_000, {
        action: 'fail',
        choices: { resultMessage: 'paymentTimeExpire' },
      });
      assert.ok(expired.parsed.kind === 'failed' && expired.parsed.code === 'NAVERPAY_paymentTimeExpire');
      const canceled = await buyer(11_000, { action: 'cancel' });
      assert.equal(canceled.window.params.resultMessage, 'userCancel');
      assert.ok(canceled.parsed.kind === 'failed' && canceled.parsed.buyerCanceled);
    });

    test('a success return without a paymentId or resultCode is rejected; a spent reservation cannot be paid again', async () => {
      const orderId = newOrderId();
      const parse = (params: Record<string, string>) =>
        gateway.parseReturn({ orderId, outcome: 'success', params }).kind;
      assert.equal(parse({ resultCode: 'Success' }), 'rejected');
      assert.equal(parse({ paymentId: '20240101NP1234567890' }), 'rejected');
      assert.equal(parse({ resultCode: 'Success', paymentId: 'bad id!' }), 'rejected');
      const { checkout } = await buyer(5_000);
      await assert.rejects(
        useNaverPayWindow(checkout.kind === 'ready' ? checkout.checkoutUrl! : '', 'approve'),
        /409/,
      );
    });

    test('in sandbox mode the payment page is on the shop address', async () => {
      const sandboxGateway = await openNaverPayGateway(undefined, {
        publicBaseUrl: 'https://shop.example',
        windowPath: '/sandbox',
        sandboxPg: async () => running.url,
      });
      const orderId = newOrderId();
      const checkout = await sandboxGateway.prepareCheckout({
        orderId,
        orderName: '테스트',
        amount: 1_000,
        method: 'NAVERPAY',
        successUrl: `${SHOP}/${orderId}/success`,
        failUrl: `${SHOP}/${orderId}/fail`,
        customerKey: 'c',
      });
      assert.ok(checkout.kind === 'ready');
      assert.equal(
        checkout.checkoutUrl,
        `https://shop.example/sandbox/naverpay/payments/${checkout.pgReference}`,
      );
    });
  });

  test('NaverPay sends no webhooks: anything posted as one is rejected', async () => {
    const result = await gateway.parseWebhook({ headers: {}, rawBody: '{"paymentId":"x"}' });
    assert.equal(result.kind, 'rejected');
    assert.notEqual(result.ack.status, 200);
  });
});
