import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import {
  cancelIdempotencyKey,
  confirmIdempotencyKey,
  type PaymentGateway,
  type PgReturn,
} from '../../../domain/payment';
import {
  KAKAOPAY_SANDBOX_SECRET_KEY,
  KAKAOPAY_TEST_CID,
} from '../../../simulators/pg/kakaopay/kakaopay.simulator';
import { useKakaoPayWindow } from '../../../simulators/pg/kakaopay/kakaopay-sandbox-buyer';
import { FAST, netCancelOf, runAttempt, startSimulator } from '../gateway-test-support';
import { createKakaoPayGateway } from './kakaopay.gateway';
import { openKakaoPayGateway } from './kakaopay-vendor';

const SHOP = 'https://shop.example/api/v1/payments/return/kakaopay';

describe('KakaoPay adapter against the PG simulator', () => {
  const running = startSimulator();
  const { simulator } = running;
  let gateway: PaymentGateway;
  let seq = 0;
  const newOrderId = () => `kko-${process.pid}-${Date.now().toString(36)}-${++seq}`;

  before(() => {
    gateway = createKakaoPayGateway({
      apiBaseUrl: `${running.url}/kakaopay`,
      secretKey: KAKAOPAY_SANDBOX_SECRET_KEY,
      cid: KAKAOPAY_TEST_CID,
      timeoutMs: 300,
    });
  });

  const kakao = simulator.state.kakaopay;
  const faults = (knobs: Record<string, unknown>) => simulator.modules.kakaopay.setFaults(knobs);
  const calls = (operation: string) => kakao.calls.filter((c) => c.operation === operation).length;

  /** ready, then the buyer opens the window and presses a button: what the shop's return route would read. */
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
      orderName: '제주 감귤 5kg 외 1건',
      amount,
      method: 'KAKAOPAY',
      successUrl: `${SHOP}/${orderId}/success`,
      failUrl: `${SHOP}/${orderId}/fail`,
      cancelUrl: `${SHOP}/${orderId}/cancel`,
      customerKey: 'cust_9d1e',
      taxFreeAmount: options.taxFree,
    });
    assert.ok(checkout.kind === 'ready', JSON.stringify(checkout));
    assert.ok(checkout.checkoutUrl && checkout.pgReference);
    const window = await useKakaoPayWindow(
      checkout.checkoutUrl,
      options.action ?? 'approve',
      options.choices,
    );
    const outcome = window.location.split('?')[0]!.split('/').at(-1) as 'success' | 'fail' | 'cancel';
    const parsed = gateway.parseReturn({
      orderId,
      outcome,
      params: window.params,
      pgReference: checkout.pgReference,
    });
    return { orderId, tid: checkout.pgReference, checkout, window, parsed };
  }

  async function authenticated(amount: number, options: { taxFree?: number } = {}) {
    const { orderId, tid, parsed } = await buyer(amount, options);
    assert.ok(parsed.kind === 'authenticated', JSON.stringify(parsed));
    return { orderId, tid, pgReturn: parsed.pgReturn };
  }

  const confirm = (orderId: string, amount: number, pgReturn: PgReturn, tid: string, customerKey?: string) =>
    gateway.confirm({
      orderId,
      amount,
      pgReturn,
      pgReference: tid,
      customerKey,
      idempotencyKey: confirmIdempotencyKey(orderId, 1),
    });

  async function approvedPayment(amount = 20_000, taxFree = 0) {
    const { orderId, tid, pgReturn } = await authenticated(amount, { taxFree });
    const result = await confirm(orderId, amount, pgReturn, tid);
    assert.ok(result.kind === 'approved', JSON.stringify(result));
    return result.payment;
  }

  /** The PaymentAttempt rules over the adapter, as the workflow drives them (lookup with pgReference). */
  function attempt(orderId: string, amount: number, pgReturn: PgReturn, tid: string, limits = FAST) {
    return runAttempt(
      gateway,
      { orderId, amount, limits },
      {
        confirm: () => confirm(orderId, amount, pgReturn, tid),
        lookup: () => gateway.lookup({ orderId, pgTransactionId: pgReturn.token, pgReference: tid }),
        netCancel: netCancelOf(gateway, orderId, '승인 결과 불명', pgReturn),
      },
    );
  }

  test('approve: ready → window → approval_url?pg_token → one approve; the tid, method, time and raw answer come back', async () => {
    const { orderId, tid, pgReturn } = await authenticated(32_900);
    const outcome = await attempt(orderId, 32_900, pgReturn, tid);
    assert.ok(outcome.status === 'APPROVED', JSON.stringify(outcome));
    assert.equal(outcome.payment.pgTransactionId, tid);
    assert.equal(outcome.payment.provider, 'KAKAOPAY');
    assert.equal(outcome.payment.method, 'KAKAOPAY');
    assert.equal(outcome.payment.pgMethodLabel, 'CARD');
    assert.equal(outcome.payment.totalAmount, 32_900);
    assert.match(outcome.payment.approvedAt ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00$/);
    assert.match(String((outcome.payment.raw as { aid: string }).aid), /^A\d{19}$/);
    assert.equal(outcome.recoveredByLookup, false);
    assert.equal(calls('approve'), 1);
    assert.equal(kakao.payments.get(tid)?.status, 'SUCCESS_PAYMENT');
  });

  test('KakaoPay Money is reported with its own label', async () => {
    const { orderId, tid, parsed } = await buyer(8_000, { choices: { paymentMethodType: 'MONEY' } });
    assert.ok(parsed.kind === 'authenticated');
    const result = await confirm(orderId, 8_000, parsed.pgReturn, tid);
    assert.ok(result.kind === 'approved');
    assert.equal(result.payment.pgMethodLabel, 'MONEY');
    assert.equal(result.payment.card, undefined);
  });

  test('decline (-780 with a card result) is final: one approve, the card message reaches the caller', async () => {
    const { orderId, tid, pgReturn } = await authenticated(12_000);
    faults({
      decline: { methodResultCode: 'CARD_LIMIT_EXCEEDED', message: '한도초과로 결제에 실패했습니다.' },
    });
    const outcome = await attempt(orderId, 12_000, pgReturn, tid);
    assert.ok(outcome.status === 'DECLINED', JSON.stringify(outcome));
    assert.equal(outcome.code, '-780');
    assert.equal(outcome.message, '한도초과로 결제에 실패했습니다.');
    assert.equal(calls('approve'), 1);
    assert.equal(kakao.payments.get(tid)?.status, 'FAIL_PAYMENT');
  });

  test('USER_LOCKED (-780, a transaction in progress) twice, then the third approve succeeds', async () => {
    const { orderId, tid, pgReturn } = await authenticated(9_900);
    faults({ transient: { times: 2 } });
    const outcome = await attempt(orderId, 9_900, pgReturn, tid);
    assert.equal(outcome.status, 'APPROVED');
    assert.deepEqual(
      outcome.steps.map((s) => `${s.call}:${s.result}:${s.code ?? ''}`),
      ['confirm:retryable:-780', 'confirm:retryable:-780', 'confirm:approved:'],
    );
    assert.equal(calls('approve'), 3);
  });

  test('retries exhausted: 4 approves in all, then the result says dead-letter; nothing was approved', async () => {
    const { orderId, tid, pgReturn } = await authenticated(21_000);
    faults({ transient: { times: 10 } });
    const outcome = await attempt(orderId, 21_000, pgReturn, tid);
    assert.ok(outcome.status === 'DEAD_LETTER');
    assert.equal(outcome.reason, 'RETRIES_EXHAUSTED');
    assert.equal(outcome.code, '-780');
    assert.equal(calls('approve'), 4);
    assert.equal(kakao.payments.get(tid)?.status, 'AUTH_PASSWORD');
  });

  test('timeout: the approve hangs past the client timeout, /order finds the approval, no second approve', async () => {
    const { orderId, tid, pgReturn } = await authenticated(45_000);
    faults({ timeout: { hangMs: 2_000 } });
    const outcome = await attempt(orderId, 45_000, pgReturn, tid);
    assert.ok(outcome.status === 'APPROVED' && outcome.recoveredByLookup);
    assert.deepEqual(
      outcome.steps.map((s) => `${s.call}:${s.result}:${s.code ?? s.status ?? ''}`),
      ['confirm:ambiguous:TIMEOUT', 'lookup:found:APPROVED'],
    );
    assert.equal(calls('approve'), 1);
  });

  test('approved but the answer is lost (connection dropped, or a 500): /order finds the approval', async () => {
    for (const mode of ['drop', 'error']) {
      const { orderId, tid, pgReturn } = await authenticated(7_500);
      faults({ loseResponse: { mode } });
      const before = calls('approve');
      const outcome = await attempt(orderId, 7_500, pgReturn, tid);
      assert.ok(outcome.status === 'APPROVED' && outcome.recoveredByLookup, mode);
      assert.equal(outcome.steps[0]?.code, mode === 'drop' ? 'NETWORK_ERROR' : '-1');
      assert.equal(calls('approve') - before, 1, `${mode}: no second approve`);
    }
  });

  test('a timeout where KakaoPay did nothing: /order shows it unpaid and the approve goes out again', async () => {
    const { orderId, tid, pgReturn } = await authenticated(3_000);
    faults({ timeout: { hangMs: 400, process: false } });
    const outcome = await attempt(orderId, 3_000, pgReturn, tid);
    assert.equal(outcome.status, 'APPROVED');
    assert.deepEqual(
      outcome.steps.map((s) => `${s.call}:${s.result}`),
      ['confirm:ambiguous', 'lookup:found', 'confirm:approved'],
    );
  });

  test('a repeated approve after a lost answer is refused by KakaoPay (-702) and read back as this approval', async () => {
    const { orderId, tid, pgReturn } = await authenticated(4_000);
    faults({ loseResponse: { mode: 'error' } });
    assert.equal((await confirm(orderId, 4_000, pgReturn, tid)).kind, 'ambiguous');
    const again = await confirm(orderId, 4_000, pgReturn, tid, 'cust_9d1e');
    assert.ok(again.kind === 'approved', JSON.stringify(again));
    assert.equal(again.alreadyApproved, true);
    assert.equal(kakao.calls.filter((c) => c.operation === 'approve').at(-1)?.status, 400);
  });

  test('amounts: a tampered browser amount is refused before any call; KakaoPay refuses another total than ready', async () => {
    const { orderId, tid, pgReturn } = await authenticated(30_000);
    const tampered = await confirm(orderId, 30_000, { ...pgReturn, amount: 300 }, tid);
    assert.ok(tampered.kind === 'declined' && tampered.code === 'PAYMENT_AMOUNT_MISMATCH');
    assert.equal(calls('approve'), 0);
    const other = await confirm(orderId, 31_000, pgReturn, tid);
    assert.ok(other.kind === 'declined', JSON.stringify(other));
    assert.equal(other.code, '-706');
    assert.equal(kakao.payments.get(tid)?.status, 'AUTH_PASSWORD');
  });

  test('partner_user_id must repeat the ready value: the adapter reads it from /order when not given, a wrong one is refused', async () => {
    const { orderId, tid, pgReturn } = await authenticated(5_000);
    const wrong = await confirm(orderId, 5_000, pgReturn, tid, 'someone-else');
    assert.ok(wrong.kind === 'declined' && wrong.code === '-706');
    const right = await confirm(orderId, 5_000, pgReturn, tid);
    assert.equal(right.kind, 'approved');
  });

  describe('auth and answers, both ways', () => {
    test('a wrong secret key is a final, alerting decline on ready, approve and look-up', async () => {
      const wrong = createKakaoPayGateway({
        apiBaseUrl: `${running.url}/kakaopay`,
        secretKey: 'DEVnot-the-right-key',
        cid: KAKAOPAY_TEST_CID,
        timeoutMs: 300,
      });
      const orderId = newOrderId();
      const ready = await wrong.prepareCheckout({
        orderId,
        orderName: '테스트',
        amount: 1_000,
        method: 'KAKAOPAY',
        successUrl: `${SHOP}/${orderId}/success`,
        failUrl: `${SHOP}/${orderId}/fail`,
        customerKey: 'c',
      });
      assert.ok(ready.kind === 'declined' && ready.alert && ready.httpStatus === 401);
      const { orderId: paid, tid, pgReturn } = await authenticated(5_000);
      const approve = await wrong.confirm({
        orderId: paid,
        amount: 5_000,
        pgReturn,
        pgReference: tid,
        customerKey: 'cust_9d1e',
        idempotencyKey: confirmIdempotencyKey(paid, 1),
      });
      assert.ok(approve.kind === 'declined' && approve.alert && approve.httpStatus === 401);
      const lookup = await wrong.lookup({ orderId: paid, pgReference: tid });
      assert.ok(lookup.kind === 'declined' && lookup.alert);
      assert.equal(kakao.payments.get(tid)?.status, 'AUTH_PASSWORD', 'nothing was approved');
    });

    test('the simulator accepts only `SECRET_KEY <key>` over JSON: KakaoAK, DEV_SECRET_KEY and form bodies are refused', async () => {
      const body = JSON.stringify({ cid: KAKAOPAY_TEST_CID, tid: 'T0000000000000000000' });
      const post = (authorization: string, contentType = 'application/json', payload = body) =>
        fetch(`${running.url}/kakaopay/online/v1/payment/order`, {
          method: 'POST',
          headers: { authorization, 'content-type': contentType },
          body: payload,
        });
      for (const header of [
        `KakaoAK ${KAKAOPAY_SANDBOX_SECRET_KEY}`,
        `DEV_SECRET_KEY ${KAKAOPAY_SANDBOX_SECRET_KEY}`,
        `SECRET_KEY wrong`,
      ]) {
        const answer = await post(header);
        assert.equal(answer.status, 401, header);
        assert.equal(((await answer.json()) as { error_code: number }).error_code, -401);
      }
      const form = await post(
        `SECRET_KEY ${KAKAOPAY_SANDBOX_SECRET_KEY}`,
        'application/x-www-form-urlencoded',
        `cid=${KAKAOPAY_TEST_CID}&tid=T0000000000000000000`,
      );
      assert.equal(form.status, 400);
      const good = await post(`SECRET_KEY ${KAKAOPAY_SANDBOX_SECRET_KEY}`);
      assert.equal(
        ((await good.json()) as { error_code: number }).error_code,
        -721,
        'authenticated: unknown tid',
      );
    });

    test('an answer for another order or tid is refused (ambiguous) and /order settles it; another amount is voided', async () => {
      for (const field of ['partner_order_id', 'tid']) {
        const { orderId, tid, pgReturn } = await authenticated(6_000);
        faults({ forge: { field } });
        const first = await confirm(orderId, 6_000, pgReturn, tid);
        assert.ok(first.kind === 'ambiguous' && first.code === 'KAKAOPAY_RESPONSE_MISMATCH', field);
        const settled = await gateway.lookup({ orderId, pgTransactionId: pgReturn.token, pgReference: tid });
        assert.ok(settled.kind === 'found' && settled.payment.status === 'APPROVED', field);
        assert.equal(settled.payment.pgTransactionId, tid);
      }
      const { orderId, tid, pgReturn } = await authenticated(6_000);
      faults({ forge: { field: 'amount' } });
      const outcome = await attempt(orderId, 6_000, pgReturn, tid);
      assert.equal(outcome.status, 'VOID_REQUIRED');
    });
  });

  describe('cancel', () => {
    test('partial cancels carry their tax-free part; the balance and tax-free balance go down; a full cancel sends what is left', async () => {
      const payment = await approvedPayment(20_000, 5_000);
      const { orderId, pgTransactionId: tid } = payment;
      const partial = await gateway.cancel({
        orderId,
        pgTransactionId: tid,
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
      assert.match(partial.cancelTransactionId ?? '', /^A\d{19}$/);
      assert.deepEqual(
        {
          total: kakao.payments.get(tid)!.canceled_amount.total,
          taxFree: kakao.payments.get(tid)!.canceled_amount.tax_free,
        },
        { total: 3_000, taxFree: 1_000 },
      );

      const tooMuch = await gateway.cancel({
        orderId,
        pgTransactionId: tid,
        cancelAmount: 18_000,
        reason: '초과 취소',
        idempotencyKey: cancelIdempotencyKey(orderId, 2),
      });
      assert.ok(tooMuch.kind === 'declined');
      assert.equal(tooMuch.code, '-710');

      const rest = await gateway.cancel({
        orderId,
        pgTransactionId: tid,
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
      const lastCancel = kakao.calls.filter((c) => c.operation === 'cancel').at(-1);
      assert.equal(lastCancel?.status, 200);
      assert.equal(
        kakao.payments.get(tid)!.canceled_amount.tax_free,
        5_000,
        'the remaining 4,000 tax-free went with it',
      );

      const again = await gateway.cancel({
        orderId,
        pgTransactionId: tid,
        reason: '주문 취소',
        idempotencyKey: cancelIdempotencyKey(orderId, 4),
      });
      assert.ok(again.kind === 'canceled' && again.alreadyCanceled && again.canceledAmount === 0);
    });

    test('a tax-free part larger than what is left tax-free is refused', async () => {
      const payment = await approvedPayment(10_000, 1_000);
      const result = await gateway.cancel({
        orderId: payment.orderId,
        pgTransactionId: payment.pgTransactionId,
        cancelAmount: 5_000,
        taxFreeAmount: 2_000,
        reason: '부분 반품',
        idempotencyKey: cancelIdempotencyKey(payment.orderId, 1),
      });
      assert.ok(result.kind === 'declined' && result.code === '-2');
    });

    test('no idempotency at KakaoPay: a partial cancel repeated after a lost answer is recognised, not cancelled twice', async () => {
      const payment = await approvedPayment(10_000);
      const request = {
        orderId: payment.orderId,
        pgTransactionId: payment.pgTransactionId,
        cancelAmount: 2_500,
        balanceAmount: 10_000,
        reason: '부분 취소',
        idempotencyKey: cancelIdempotencyKey(payment.orderId, 1),
      };
      faults({ loseResponse: { mode: 'error', operation: 'cancel' } });
      assert.equal((await gateway.cancel(request)).kind, 'ambiguous');
      const repeated = await gateway.cancel(request);
      assert.ok(repeated.kind === 'canceled' && repeated.alreadyCanceled, JSON.stringify(repeated));
      assert.equal(repeated.payment.balanceAmount, 7_500);
      assert.equal(kakao.payments.get(payment.pgTransactionId)!.canceled_amount.total, 2_500);
    });
  });

  test('net-cancel after an uncertain approve cancels what KakaoPay approved; with nothing approved it does nothing', async () => {
    const { orderId, tid, pgReturn } = await authenticated(6_000);
    faults({ loseResponse: { mode: 'drop' } });
    assert.equal((await confirm(orderId, 6_000, pgReturn, tid)).kind, 'ambiguous');
    // The workflow hands net-cancel only the PG return: the tid travels in its params (parseReturn).
    const undone = await gateway.netCancel({
      orderId,
      pgReturn,
      reason: '승인 결과 불명',
      idempotencyKey: 'n1',
    });
    assert.ok(undone.kind === 'canceled', JSON.stringify(undone));
    assert.equal(kakao.payments.get(tid)?.status, 'CANCEL_PAYMENT');
    const other = await authenticated(6_000);
    const nothing = await gateway.netCancel({
      orderId: other.orderId,
      pgReturn: other.pgReturn,
      reason: '승인 결과 불명',
      idempotencyKey: 'n2',
    });
    assert.equal(nothing.kind, 'nothing_to_cancel');
  });

  describe('the sandbox window and the return', () => {
    test('the window shows the order and the three buttons', async () => {
      const orderId = newOrderId();
      const checkout = await gateway.prepareCheckout({
        orderId,
        orderName: '무선 키보드 외 1건',
        amount: 15_000,
        method: 'KAKAOPAY',
        successUrl: `${SHOP}/${orderId}/success`,
        failUrl: `${SHOP}/${orderId}/fail`,
        customerKey: 'c1',
        taxFreeAmount: 2_000,
      });
      assert.ok(checkout.kind === 'ready');
      assert.ok(checkout.clientParams.next_redirect_mobile_url);
      const html = await (await fetch(checkout.checkoutUrl!)).text();
      for (const button of ['결제하기', '결제 실패', '취소'])
        assert.match(html, new RegExp(`<button type="submit">${button}</button>`));
      assert.match(html, /15,000원/);
      assert.match(html, /2,000원/);
      assert.match(html, /무선 키보드 외 1건/);
    });

    test('결제하기 → approval_url?pg_token only; parseReturn gives the token and keeps the tid', async () => {
      const { window, parsed, tid, orderId } = await buyer(11_000);
      assert.ok(window.location.startsWith(`${SHOP}/${orderId}/success?pg_token=`));
      assert.deepEqual(Object.keys(window.params), ['pg_token']);
      assert.ok(parsed.kind === 'authenticated');
      assert.equal(parsed.pgReturn.token, window.params.pg_token);
      assert.deepEqual(parsed.pgReturn.params, { tid });
    });

    test('결제 실패 → fail_url, 취소 → cancel_url, with nothing appended; /order then reports the failure', async () => {
      const failed = await buyer(11_000, { action: 'fail' });
      assert.equal(failed.window.location, `${SHOP}/${failed.orderId}/fail`);
      assert.deepEqual(failed.parsed, {
        kind: 'failed',
        code: 'KAKAOPAY_FAILED',
        message: '카카오페이 결제에 실패했습니다.',
        buyerCanceled: false,
      });
      const found = await gateway.lookup({ orderId: failed.orderId, pgReference: failed.tid });
      assert.ok(found.kind === 'found' && found.payment.status === 'FAILED');
      assert.equal(found.payment.failure?.code, 'KAKAOPAY_FAIL_AUTH_PASSWORD');

      const canceled = await buyer(11_000, { action: 'cancel' });
      assert.equal(canceled.window.location, `${SHOP}/${canceled.orderId}/cancel`);
      assert.ok(canceled.parsed.kind === 'failed' && canceled.parsed.buyerCanceled);
      assert.equal(kakao.payments.get(canceled.tid)?.status, 'QUIT_PAYMENT');
    });

    test('a return without pg_token, or for an order with no stored tid, is rejected; a spent window cannot be reused', async () => {
      const orderId = newOrderId();
      assert.equal(
        gateway.parseReturn({ orderId, outcome: 'success', params: {}, pgReference: 'T1' }).kind,
        'rejected',
      );
      assert.equal(
        gateway.parseReturn({ orderId, outcome: 'success', params: { pg_token: 'abc' } }).kind,
        'rejected',
      );
      const { checkout } = await buyer(5_000);
      await assert.rejects(
        useKakaoPayWindow(checkout.kind === 'ready' ? checkout.checkoutUrl! : '', 'approve'),
        /409/,
      );
    });

    test('a pg_token of another payment is refused at approve', async () => {
      const one = await authenticated(5_000);
      const two = await authenticated(5_000);
      const result = await confirm(one.orderId, 5_000, two.pgReturn, one.tid);
      assert.ok(result.kind === 'declined' && result.code === '-708');
    });

    test('in sandbox mode the window URLs KakaoPay returns are rewritten onto the shop address', async () => {
      const sandboxGateway = await openKakaoPayGateway(undefined, {
        publicBaseUrl: 'https://shop.example',
        windowPath: '/sandbox',
        sandboxPg: async () => running.url,
      });
      const orderId = newOrderId();
      const checkout = await sandboxGateway.prepareCheckout({
        orderId,
        orderName: '테스트',
        amount: 1_000,
        method: 'KAKAOPAY',
        successUrl: `${SHOP}/${orderId}/success`,
        failUrl: `${SHOP}/${orderId}/fail`,
        customerKey: 'c',
      });
      assert.ok(checkout.kind === 'ready');
      assert.match(
        checkout.checkoutUrl!,
        /^https:\/\/shop\.example\/sandbox\/kakaopay\/mockup\/v1\/[0-9a-f]+\/info$/,
      );
      assert.match(
        String(checkout.clientParams.next_redirect_mobile_url),
        /^https:\/\/shop\.example\/sandbox\/kakaopay\//,
      );
    });
  });

  test('KakaoPay sends no webhooks: anything posted as one is rejected', async () => {
    const result = await gateway.parseWebhook({ headers: {}, rawBody: '{"tid":"T1"}' });
    assert.equal(result.kind, 'rejected');
    assert.notEqual(result.ack.status, 200);
  });
});
