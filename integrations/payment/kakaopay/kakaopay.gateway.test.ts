import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { cancelIdempotencyKey, confirmIdempotencyKey, type PaymentGateway } from '../../../domain/payment';
import {
  KAKAOPAY_SANDBOX_SECRET_KEY,
  KAKAOPAY_TEST_CID,
} from '../../../simulators/pg/kakaopay/kakaopay.simulator';
import { useKakaoPayWindow } from '../../../simulators/pg/kakaopay/kakaopay-sandbox-buyer';
import { faultCaseTests, type FaultCase } from '../../../test/support/pg-gateways/gateway-fault-cases';
import { startSimulator } from '../../../test/support/pg-gateways/gateway-test-support';
import {
  walletGatewayTests,
  walletHarness,
  type WalletPayment,
  type WalletPgSpec,
} from '../../../test/support/pg-gateways/wallet-gateway-cases';
import { createKakaoPayGateway } from './kakaopay.gateway';
import { sandboxTarget } from '../open-pg-gateway';
import { paymentSandbox } from '../../../sandbox/payment';

const SHOP = 'https://shop.example/api/v1/payments/return/kakaopay';

describe('KakaoPay adapter against the PG simulator', () => {
  const running = startSimulator();
  const { simulator } = running;
  let gateway: PaymentGateway;
  let seq = 0;
  const kakaoGateway = (secretKey: string) =>
    createKakaoPayGateway({
      apiBaseUrl: `${running.url}/kakaopay`,
      secretKey,
      cid: KAKAOPAY_TEST_CID,
      timeoutMs: 1_000,
    });

  before(() => {
    gateway = kakaoGateway(KAKAOPAY_SANDBOX_SECRET_KEY);
  });

  const kakao = simulator.state.kakaopay;
  const calls = (operation: string) => kakao.calls.filter((c) => c.operation === operation).length;
  const statusOf = (tid: string) => kakao.payments.get(tid)?.status;
  const pg: WalletPgSpec = {
    method: 'KAKAOPAY',
    shop: SHOP,
    orderName: '제주 감귤 5kg 외 1건',
    customerKey: 'cust_9d1e',
    kakaoStyle: true,
    gateway: () => gateway,
    newOrderId: () => `kko-${process.pid}-${Date.now().toString(36)}-${++seq}`,
    openWindow: useKakaoPayWindow,
    approveCalls: () => calls('approve'),
    faults: (knobs) => simulator.modules.kakaopay.setFaults(knobs),
  };
  const h = walletHarness(pg);
  const { authenticated, buyer, confirm } = h;

  walletGatewayTests(pg, h, {
    pgTransactionIdOf: (payment) => payment.pgReference,
    approved(outcome, { pgReference: tid }) {
      assert.match(String((outcome.payment.raw as { aid: string }).aid), /^A\d{19}$/);
      assert.equal(outcome.recoveredByLookup, false);
      assert.equal(statusOf(tid), 'SUCCESS_PAYMENT');
    },
    async otherAmount(payment) {
      const other = await confirm(payment, 31_000);
      assert.ok(other.kind === 'declined', JSON.stringify(other));
      assert.equal(other.code, '-706');
      assert.equal(statusOf(payment.pgReference), 'AUTH_PASSWORD');
    },
    forgedFields: ['partner_order_id', 'tid'],
    forgedAmountField: 'amount',
    cancel: {
      partial(partial, { pgTransactionId: tid }) {
        assert.match(partial.cancelTransactionId ?? '', /^A\d{19}$/);
        const { total, tax_free } = kakao.payments.get(tid)!.canceled_amount;
        assert.deepEqual({ total, taxFree: tax_free }, { total: 3_000, taxFree: 1_000 });
      },
      overBalanceCode: '-710',
      rest({ pgTransactionId: tid }) {
        assert.equal(kakao.calls.filter((c) => c.operation === 'cancel').at(-1)?.status, 200);
        assert.equal(
          kakao.payments.get(tid)!.canceled_amount.tax_free,
          5_000,
          'the remaining 4,000 tax-free went with it',
        );
      },
      again: async () => undefined,
    },
    netCanceled: (_undone, { pgReference: tid }) => assert.equal(statusOf(tid), 'CANCEL_PAYMENT'),
    windowTaxFree: 2_000,
    window: (checkout) => assert.ok(checkout.clientParams.next_redirect_mobile_url),
    sandboxGateway: async () =>
      paymentSandbox.gateways.KAKAOPAY(sandboxTarget(running.url, 'https://shop.example')),
    sandboxWindow(checkout) {
      assert.match(
        checkout.checkoutUrl!,
        /^https:\/\/shop\.example\/sandbox\/kakaopay\/mockup\/v1\/[0-9a-f]+\/info$/,
      );
      assert.match(
        String(checkout.clientParams.next_redirect_mobile_url),
        /^https:\/\/shop\.example\/sandbox\/kakaopay\//,
      );
    },
    webhookBody: '{"tid":"T1"}',
  });

  const faultCases: FaultCase<WalletPayment>[] = [
    {
      title: 'decline (-780 with a card result) is final: one approve, the card message reaches the caller',
      amount: 12_000,
      faults: {
        decline: { methodResultCode: 'CARD_LIMIT_EXCEEDED', message: '한도초과로 결제에 실패했습니다.' },
      },
      status: 'DECLINED',
      code: '-780',
      message: '한도초과로 결제에 실패했습니다.',
      approveCalls: 1,
      then: (_outcome, { pgReference: tid }) => assert.equal(statusOf(tid), 'FAIL_PAYMENT'),
    },
    {
      title: 'USER_LOCKED (-780, a transaction in progress) twice, then the third approve succeeds',
      amount: 9_900,
      faults: { transient: { times: 2 } },
      status: 'APPROVED',
      steps: ['confirm:retryable:-780', 'confirm:retryable:-780', 'confirm:approved:'],
      approveCalls: 3,
    },
    {
      title: 'retries exhausted: 4 approves in all, then the result says dead-letter; nothing was approved',
      amount: 21_000,
      faults: { transient: { times: 10 } },
      status: 'DEAD_LETTER',
      reason: 'RETRIES_EXHAUSTED',
      code: '-780',
      approveCalls: 4,
      then: (_outcome, { pgReference: tid }) => assert.equal(statusOf(tid), 'AUTH_PASSWORD'),
    },
    {
      title:
        'timeout: the approve hangs past the client timeout, /order finds the approval, no second approve',
      amount: 45_000,
      faults: { timeout: { hangMs: 2_500 } },
      status: 'APPROVED',
      recoveredByLookup: true,
      steps: ['confirm:ambiguous:TIMEOUT', 'lookup:found:APPROVED'],
      approveCalls: 1,
    },
    ...(['drop', 'error'] as const).map((mode) => ({
      title: `approved but the answer is lost (${mode === 'drop' ? 'connection dropped' : 'a 500'}): /order finds the approval, no second approve`,
      amount: 7_500,
      faults: { loseResponse: { mode } },
      status: 'APPROVED' as const,
      recoveredByLookup: true,
      firstStepCode: mode === 'drop' ? 'NETWORK_ERROR' : '-1',
      approveCalls: 1,
    })),
    {
      title: 'a timeout where KakaoPay did nothing: /order shows it unpaid and the approve goes out again',
      amount: 3_000,
      faults: { timeout: { hangMs: 1_300, process: false } },
      status: 'APPROVED',
      bareSteps: ['confirm:ambiguous', 'lookup:found', 'confirm:approved'],
    },
  ];
  faultCaseTests(h, faultCases);

  test('KakaoPay Money is reported with its own label', async () => {
    const { orderId, pgReference, parsed } = await buyer(8_000, { choices: { paymentMethodType: 'MONEY' } });
    assert.ok(parsed.kind === 'authenticated');
    const result = await confirm({ orderId, pgReference, pgReturn: parsed.pgReturn }, 8_000);
    assert.ok(result.kind === 'approved');
    assert.equal(result.payment.pgMethodLabel, 'MONEY');
    assert.equal(result.payment.card, undefined);
  });

  test('a repeated approve after a lost answer is refused by KakaoPay (-702) and read back as this approval', async () => {
    const payment = await authenticated(4_000);
    pg.faults({ loseResponse: { mode: 'error' } });
    assert.equal((await confirm(payment, 4_000)).kind, 'ambiguous');
    const again = await confirm(payment, 4_000, { customerKey: 'cust_9d1e' });
    assert.ok(again.kind === 'approved', JSON.stringify(again));
    assert.equal(again.alreadyApproved, true);
    assert.equal(kakao.calls.filter((c) => c.operation === 'approve').at(-1)?.status, 400);
  });

  test('partner_user_id must repeat the ready value: the adapter reads it from /order when not given, a wrong one is refused', async () => {
    const payment = await authenticated(5_000);
    const wrong = await confirm(payment, 5_000, { customerKey: 'someone-else' });
    assert.ok(wrong.kind === 'declined' && wrong.code === '-706');
    assert.equal((await confirm(payment, 5_000)).kind, 'approved');
  });

  describe('auth and answers, both ways', () => {
    test('a wrong secret key is a final, alerting decline on ready, approve and look-up', async () => {
      const wrong = kakaoGateway('DEVnot-the-right-key');
      const ready = await wrong.prepareCheckout(h.checkoutRequest(pg.newOrderId()));
      assert.ok(ready.kind === 'declined' && ready.alert && ready.httpStatus === 401);
      const { orderId: paid, pgReference: tid, pgReturn } = await authenticated(5_000);
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
      assert.equal(statusOf(tid), 'AUTH_PASSWORD', 'nothing was approved');
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
  });

  describe('cancel', () => {
    test('a tax-free part larger than what is left tax-free is refused', async () => {
      const payment = await h.approvedPayment(10_000, 1_000);
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
      const payment = await h.approvedPayment(10_000);
      const request = {
        orderId: payment.orderId,
        pgTransactionId: payment.pgTransactionId,
        cancelAmount: 2_500,
        balanceAmount: 10_000,
        reason: '부분 취소',
        idempotencyKey: cancelIdempotencyKey(payment.orderId, 1),
      };
      pg.faults({ loseResponse: { mode: 'error', operation: 'cancel' } });
      assert.equal((await gateway.cancel(request)).kind, 'ambiguous');
      const repeated = await gateway.cancel(request);
      assert.ok(repeated.kind === 'canceled' && repeated.alreadyCanceled, JSON.stringify(repeated));
      assert.equal(repeated.payment.balanceAmount, 7_500);
      assert.equal(kakao.payments.get(payment.pgTransactionId)!.canceled_amount.total, 2_500);
    });
  });

  describe('the sandbox window and the return', () => {
    test('결제하기 → approval_url?pg_token only; parseReturn gives the token and keeps the tid', async () => {
      const { window, parsed, pgReference: tid, orderId } = await buyer(11_000);
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
      const found = await gateway.lookup({ orderId: failed.orderId, pgReference: failed.pgReference });
      assert.ok(found.kind === 'found' && found.payment.status === 'FAILED');
      assert.equal(found.payment.failure?.code, 'KAKAOPAY_FAIL_AUTH_PASSWORD');

      const canceled = await buyer(11_000, { action: 'cancel' });
      assert.equal(canceled.window.location, `${SHOP}/${canceled.orderId}/cancel`);
      assert.ok(canceled.parsed.kind === 'failed' && canceled.parsed.buyerCanceled);
      assert.equal(statusOf(canceled.pgReference), 'QUIT_PAYMENT');
    });

    test('a return without pg_token, or for an order with no stored tid, is rejected', () => {
      const orderId = pg.newOrderId();
      assert.equal(
        gateway.parseReturn({ orderId, outcome: 'success', params: {}, pgReference: 'T1' }).kind,
        'rejected',
      );
      assert.equal(
        gateway.parseReturn({ orderId, outcome: 'success', params: { pg_token: 'abc' } }).kind,
        'rejected',
      );
    });

    test('a pg_token of another payment is refused at approve', async () => {
      const one = await authenticated(5_000);
      const two = await authenticated(5_000);
      const result = await confirm(one, 5_000, { pgReturn: two.pgReturn });
      assert.ok(result.kind === 'declined' && result.code === '-708');
    });
  });
});
