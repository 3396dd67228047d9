import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { cancelIdempotencyKey, confirmIdempotencyKey, type PaymentGateway } from '../../../domain/payment';
import { NAVERPAY_SANDBOX_MERCHANT } from '../../../simulators/pg/naverpay/naverpay.simulator';
import { useNaverPayWindow } from '../../../simulators/pg/naverpay/naverpay-sandbox-buyer';
import { faultCaseTests, type FaultCase } from '../../../test/support/pg-gateways/gateway-fault-cases';
import { FAST, startSimulator } from '../../../test/support/pg-gateways/gateway-test-support';
import {
  walletGatewayTests,
  walletHarness,
  type WalletPayment,
  type WalletPgSpec,
} from '../../../test/support/pg-gateways/wallet-gateway-cases';
import { createNaverPayGateway } from './naverpay.gateway';
import { sandboxTarget } from '../open-pg-gateway';
import { paymentSandbox } from '../../../sandbox/payment';

const SHOP = 'https://shop.example/api/v1/payments/return/naverpay';

describe('NaverPay adapter against the PG simulator', () => {
  const running = startSimulator();
  const { simulator } = running;
  let gateway: PaymentGateway;
  let seq = 0;
  const gatewayWith = (overrides: Partial<Record<keyof typeof NAVERPAY_SANDBOX_MERCHANT, string>> = {}) =>
    createNaverPayGateway({
      apiBaseUrl: `${running.url}/naverpay`,
      ...NAVERPAY_SANDBOX_MERCHANT,
      ...overrides,
      paymentPageUrl: `${running.url}/sandbox/naverpay/payments`,
      timeoutMs: 1_000,
    });

  before(() => {
    gateway = gatewayWith();
  });

  const naver = simulator.state.naverpay;
  const callsOf = (operation: string) => naver.calls.filter((c) => c.operation === operation);
  const pg: WalletPgSpec = {
    method: 'NAVERPAY',
    shop: SHOP,
    orderName: '유기농 현미 4kg',
    customerKey: 'cust_5b2c',
    kakaoStyle: false,
    gateway: () => gateway,
    newOrderId: () => `npy-${process.pid}-${Date.now().toString(36)}-${++seq}`,
    openWindow: useNaverPayWindow,
    approveCalls: () => callsOf('approve').length,
    faults: (knobs) => simulator.modules.naverpay.setFaults(knobs),
  };
  const h = walletHarness(pg);
  const { authenticated, buyer, confirm } = h;
  const lookupStatus = async (payment: WalletPayment) => {
    const found = await h.lookup(payment);
    return found.kind === 'found' ? found.payment.status : found.kind;
  };

  walletGatewayTests(pg, h, {
    pgTransactionIdOf: (payment) => payment.pgReturn.token,
    approved(outcome, { orderId, pgReturn }) {
      assert.match(pgReturn.token, /^\d{8}NP\d{10}$/);
      assert.equal(outcome.payment.card?.maskedNumber, '433012******1234');
      assert.equal((outcome.payment.raw as { code: string }).code, 'Success');
      const [call] = callsOf('approve');
      assert.match(call!.contentType ?? '', /^application\/x-www-form-urlencoded/);
      assert.deepEqual(call!.fields, { paymentId: pgReturn.token });
      assert.equal(call!.idempotencyKey, confirmIdempotencyKey(orderId, 1));
    },
    async otherAmount(payment) {
      // The page was reserved (and paid) for 30,000원; the order now says 31,000원.
      const outcome = await h.attempt(payment, 31_000);
      assert.ok(outcome.status === 'VOID_REQUIRED', JSON.stringify(outcome));
      assert.equal(outcome.payment.totalAmount, 30_000);
    },
    forgedFields: ['merchantPayKey', 'paymentId'],
    forgedAmountField: 'totalPayAmount',
    cancel: {
      partial(partial, { orderId, pgTransactionId: paymentId }) {
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
      },
      overBalanceCode: 'OverRemainAmount',
      rest() {
        const { taxExScopeAmount, expectedRestAmount } = callsOf('cancel').at(-1)!.fields!;
        assert.deepEqual([taxExScopeAmount, expectedRestAmount], ['4000', '0']);
      },
      async again({ orderId, pgTransactionId }) {
        const found = await gateway.lookup({ orderId, pgTransactionId });
        assert.ok(found.kind === 'found' && found.payment.status === 'CANCELED');
        assert.equal(found.payment.cancels.length, 2);
      },
    },
    netCanceled: (undone) => assert.equal(undone.payment.status, 'CANCELED'),
    window(checkout, orderId) {
      assert.equal(checkout.checkoutUrl, `${running.url}/sandbox/naverpay/payments/${checkout.pgReference}`);
      const reserved = callsOf('reserve').at(-1)!;
      assert.match(reserved.contentType ?? '', /^application\/json/);
      assert.equal(reserved.fields!.returnUrl, `${SHOP}/${orderId}/success`);
    },
    sandboxGateway: async () =>
      paymentSandbox.gateways.NAVERPAY(sandboxTarget(running.url, 'https://shop.example')),
    sandboxWindow: (checkout) =>
      assert.equal(
        checkout.checkoutUrl,
        `https://shop.example/sandbox/naverpay/payments/${checkout.pgReference}`,
      ),
    webhookBody: '{"paymentId":"x"}',
  });

  const faultCases: FaultCase<WalletPayment>[] = [
    {
      title:
        'decline is final: one approve, the code and message reach the caller, the history shows the failure',
      amount: 12_000,
      faults: { decline: { code: 'Fail', message: '카드사 승인이 거절되었습니다. (한도초과)' } },
      status: 'DECLINED',
      code: 'Fail',
      message: '카드사 승인이 거절되었습니다. (한도초과)',
      approveCalls: 1,
      then: async (_outcome, payment) => assert.equal(await lookupStatus(payment), 'FAILED'),
    },
    {
      title: 'MaintenanceOngoing twice, then the third approve succeeds — all with the same idempotency key',
      amount: 9_900,
      faults: { transient: { times: 2 } },
      status: 'APPROVED',
      steps: [
        'confirm:retryable:MaintenanceOngoing',
        'confirm:retryable:MaintenanceOngoing',
        'confirm:approved:',
      ],
      then: (_outcome, { orderId }) =>
        assert.deepEqual(
          new Set(callsOf('approve').map((c) => c.idempotencyKey)),
          new Set([confirmIdempotencyKey(orderId, 1)]),
        ),
    },
    {
      title: 'retries exhausted: 4 approves in all, then the result says dead-letter; nothing was approved',
      amount: 21_000,
      faults: { transient: { times: 10 } },
      status: 'DEAD_LETTER',
      reason: 'RETRIES_EXHAUSTED',
      code: 'MaintenanceOngoing',
      approveCalls: 4,
      then: async (_outcome, payment) => assert.equal(await lookupStatus(payment), 'not_found'),
    },
    {
      title:
        'timeout: the approve hangs past the client timeout, the history finds the approval, no second approve',
      amount: 45_000,
      faults: { timeout: { hangMs: 2_500 } },
      status: 'APPROVED',
      recoveredByLookup: true,
      steps: ['confirm:ambiguous:TIMEOUT', 'lookup:found:APPROVED'],
      approveCalls: 1,
    },
    ...(['drop', 'error'] as const).map((mode) => ({
      title: `approved but the answer is lost (${mode === 'drop' ? 'connection dropped' : 'a 500'}): the history finds the approval, no second approve`,
      amount: 7_500,
      faults: { loseResponse: { mode } },
      status: 'APPROVED' as const,
      recoveredByLookup: true,
      firstStepCode: mode === 'drop' ? 'NETWORK_ERROR' : 'InternalServerError',
      approveCalls: 1,
    })),
    {
      title:
        'a timeout where NaverPay did nothing: the history has no approval and the approve goes out again',
      amount: 3_000,
      faults: { timeout: { hangMs: 1_300, process: false } },
      limits: { ...FAST, retryDelaysMs: [500, 500, 500] },
      status: 'APPROVED',
      bareSteps: ['confirm:ambiguous', 'lookup:not_found', 'confirm:approved'],
    },
  ];
  faultCaseTests(h, faultCases);

  describe('idempotency key', () => {
    test('an approve repeated with the same key after a lost answer is answered 409 with the first approval', async () => {
      const payment = await authenticated(4_000);
      pg.faults({ loseResponse: { mode: 'error' } });
      assert.equal((await confirm(payment, 4_000)).kind, 'ambiguous');
      const replayed = await confirm(payment, 4_000);
      assert.ok(replayed.kind === 'approved' && replayed.alreadyApproved, JSON.stringify(replayed));
      assert.equal(replayed.payment.pgTransactionId, payment.pgReturn.token);
      assert.deepEqual(
        callsOf('approve').map((c) => [c.status, c.delivery]),
        [
          [200, 'replaced-by-500'],
          [409, 'replayed'],
        ],
      );
    });

    test('with another key NaverPay answers AlreadyComplete, read back from the history as this approval', async () => {
      const payment = await authenticated(4_000);
      assert.equal((await confirm(payment, 4_000)).kind, 'approved');
      const again = await confirm(payment, 4_000, { key: confirmIdempotencyKey(payment.orderId, 2) });
      assert.ok(again.kind === 'approved' && again.alreadyApproved);
      assert.equal(callsOf('approve').at(-1)?.code, 'AlreadyComplete');
    });

    test('a repeat while the first call with the key is still running gets AlreadyOnGoing (ambiguous), never a second approval', async () => {
      const payment = await authenticated(4_000);
      pg.faults({ timeout: { hangMs: 1_500 } });
      const first = confirm(payment, 4_000);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const second = await confirm(payment, 4_000);
      assert.ok(second.kind === 'ambiguous' && second.code === 'AlreadyOnGoing', JSON.stringify(second));
      assert.equal((await first).kind, 'ambiguous');
      assert.equal(await lookupStatus(payment), 'APPROVED');
    });
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
        const reserve = await wrong.prepareCheckout({ ...h.checkoutRequest('x'), orderId: pg.newOrderId() });
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
  });

  describe('cancel', () => {
    const balanceOf = async (payment: { orderId: string; pgTransactionId: string }) => {
      const found = await gateway.lookup(payment);
      assert.ok(found.kind === 'found');
      return found.payment;
    };

    test('the expected remaining amount protects the balance: a cancel based on a stale balance is refused, nothing cancelled', async () => {
      const payment = await h.approvedPayment(10_000);
      const result = await gateway.cancel({
        orderId: payment.orderId,
        pgTransactionId: payment.pgTransactionId,
        cancelAmount: 2_000,
        balanceAmount: 9_000,
        reason: '부분 취소',
        idempotencyKey: cancelIdempotencyKey(payment.orderId, 1),
      });
      assert.ok(result.kind === 'declined' && result.code === 'RestAmountDiff', JSON.stringify(result));
      assert.equal((await balanceOf(payment)).balanceAmount, 10_000);
    });

    test('a cancel repeated after a lost answer cancels once: replayed with the same key, recognised with another', async () => {
      const payment = await h.approvedPayment(10_000);
      const request = {
        orderId: payment.orderId,
        pgTransactionId: payment.pgTransactionId,
        cancelAmount: 2_500,
        balanceAmount: 10_000,
        reason: '부분 취소',
        idempotencyKey: cancelIdempotencyKey(payment.orderId, 1),
      };
      pg.faults({ loseResponse: { mode: 'drop', operation: 'cancel' } });
      assert.equal((await gateway.cancel(request)).kind, 'ambiguous');
      const replayed = await gateway.cancel(request);
      assert.ok(replayed.kind === 'canceled', JSON.stringify(replayed));
      assert.equal(callsOf('cancel').at(-1)?.delivery, 'replayed');
      const other = await gateway.cancel({
        ...request,
        idempotencyKey: cancelIdempotencyKey(payment.orderId, 2),
      });
      assert.ok(other.kind === 'canceled' && other.alreadyCanceled, JSON.stringify(other));
      const found = await balanceOf(payment);
      assert.equal(found.balanceAmount, 7_500);
      assert.equal(found.cancels.length, 1);
    });
  });

  describe('the sandbox payment page and the return', () => {
    test('결제하기 → returnUrl?resultCode=Success&paymentId; parseReturn gives the paymentId', async () => {
      const { window, parsed, orderId, pgReference: reserveId } = await buyer(11_000);
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

    test('a success return without a paymentId or resultCode is rejected', () => {
      const orderId = pg.newOrderId();
      const parse = (params: Record<string, string>) =>
        gateway.parseReturn({ orderId, outcome: 'success', params }).kind;
      assert.equal(parse({ resultCode: 'Success' }), 'rejected');
      assert.equal(parse({ paymentId: '20240101NP1234567890' }), 'rejected');
      assert.equal(parse({ resultCode: 'Success', paymentId: 'bad id!' }), 'rejected');
    });
  });
});
