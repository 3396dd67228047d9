import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { type PaymentGateway } from '../../../domain/payment';
import { inicisAuthSignatureInput } from './inicis-auth-signature';
import { INICIS_TEST_MERCHANT } from '../../../simulators/pg/inicis/inicis.simulator';
import {
  cardWindowHarness,
  cardWindowTests,
  type CardWindowPgSpec,
} from '../../../test/support/pg-gateways/card-window-cases';
import {
  faultCaseTests,
  type AuthenticatedPayment,
} from '../../../test/support/pg-gateways/gateway-fault-cases';
import { startSimulator } from '../../../test/support/pg-gateways/gateway-test-support';
import { createInicisPaymentGateway, type InicisGatewayConfig } from './inicis.gateway';
import { inicisSignatures } from './inicis-signatures';

/** The documented formulas, computed here independently of the adapter. */
const sha256 = (input: string) => createHash('sha256').update(input, 'utf8').digest('hex');
const sha512 = (input: string) => createHash('sha512').update(input, 'utf8').digest('hex');
const { mid: MID, signKey: SIGN_KEY, iniapiKey: INIAPI_KEY } = INICIS_TEST_MERCHANT;

describe('KG Inicis adapter against the PG simulator', () => {
  const running = startSimulator();
  const { simulator } = running;
  let gateway: PaymentGateway;
  let settings: InicisGatewayConfig;
  let seq = 0;
  const newOrderId = () => `ini-${process.pid}-${Date.now().toString(36)}-${++seq}`;
  const inicis = () => simulator.modules.inicis;

  before(() => {
    const stdpay = (idc: string) => `${running.url}/inicis/stdpay/${idc}`;
    settings = {
      ...INICIS_TEST_MERCHANT,
      clientIp: '10.0.0.7',
      iniapiBaseUrl: `${running.url}/inicis/iniapi`,
      stdpayHosts: { fc: stdpay('fc'), ks: stdpay('ks'), stg: stdpay('stg') },
      checkoutPageUrl: `${running.url}/sandbox/inicis/checkout`,
      timeoutMs: 300,
    };
    gateway = createInicisPaymentGateway(settings);
  });

  const faults = (knobs: Record<string, unknown>) => inicis().setFaults(knobs);
  const calls = (operation: string) => inicis().state.calls.filter((c) => c.operation === operation).length;
  const transactionOf = (orderId: string) =>
    [...inicis().state.transactions.values()].find((t) => t.oid === orderId);
  const authOf = (orderId: string) => [...inicis().state.auths.values()].find((a) => a.oid === orderId);

  const spec: CardWindowPgSpec = {
    pg: 'inicis',
    orderName: '무선 키보드 외 1건',
    sendsCardScope: false,
    lookupByTid: false,
    gateway: () => gateway,
    newOrderId,
  };
  const h = cardWindowHarness(spec);
  const { checkout, buyerAuthenticates, attempt, approvedPayment } = h;
  const netCancelled = (_outcome: unknown, { orderId }: AuthenticatedPayment) =>
    assert.equal(transactionOf(orderId)?.cancelled, true);

  cardWindowTests(spec, h, {
    provider: 'INICIS',
    approved(outcome, { orderId, pgReturn }) {
      assert.equal(pgReturn.params?.idc_name, 'stg');
      assert.equal(outcome.payment.pgTransactionId, transactionOf(orderId)?.tid);
    },
    windowFailure: { code: 'R901', message: '카드사 인증 실패' },
  });

  faultCaseTests(
    { authenticated: buyerAuthenticates, faults, attempt, approveCalls: () => calls('approve') },
    [
      {
        title: 'decline is final: one call, the code and message reach the caller',
        amount: 12_000,
        faults: { decline: {} },
        status: 'DECLINED',
        code: 'R101',
        message: '카드사 승인 거절',
        approveCalls: 1,
      },
      {
        title: 'Inicis busy (HTTP 503) twice, then the third approval goes through',
        amount: 9_900,
        faults: { transient: { times: 2 } },
        status: 'APPROVED',
        steps: ['confirm:retryable:HTTP_503', 'confirm:retryable:HTTP_503', 'confirm:approved:'],
      },
      {
        title: 'retries exhausted: 4 approval calls, then dead-letter; the authentication was never approved',
        amount: 21_000,
        faults: { transient: { times: 10 } },
        status: 'DEAD_LETTER',
        reason: 'RETRIES_EXHAUSTED',
        approveCalls: 4,
        then: (_outcome, { orderId }) => assert.equal(authOf(orderId)?.state, 'authenticated'),
      },
      {
        title: 'read timeout on an approval Inicis made: net-cancel at netCancelUrl undoes it',
        amount: 45_000,
        faults: { timeout: { hangMs: 2_000 } },
        status: 'DECLINED',
        code: 'PG_NET_CANCELED',
        steps: ['confirm:ambiguous:TIMEOUT', 'netCancel:canceled:'],
        then: netCancelled,
      },
      ...(['drop', 'error'] as const).map((mode) => ({
        title: `approved but the answer is lost (${mode === 'drop' ? 'dropped' : 'a 500'}): net-cancel, no second approval`,
        amount: 7_500,
        faults: { loseResponse: { mode } },
        status: 'DECLINED' as const,
        code: 'PG_NET_CANCELED',
        firstStepCode: mode === 'drop' ? 'NETWORK_ERROR' : 'HTTP_500',
        approveCalls: 1,
        then: netCancelled,
      })),
      {
        title: 'a timeout where Inicis did nothing: the net-cancel has nothing to undo',
        amount: 3_000,
        faults: { timeout: { hangMs: 1_000, process: false } },
        status: 'DECLINED',
        bareSteps: ['confirm:ambiguous', 'netCancel:nothing_to_cancel'],
        then: (_outcome, { orderId }) => assert.equal(transactionOf(orderId), undefined),
      },
      {
        title:
          'signatures, Inicis → shop: an approval answer with a wrong authSignature is not believed and is net-cancelled',
        amount: 8_800,
        faults: { badSignature: {} },
        status: 'DECLINED',
        steps: ['confirm:ambiguous:INICIS_AUTH_SIGNATURE_INVALID', 'netCancel:canceled:'],
        then: netCancelled,
      },
    ],
  );

  test('the authUrl / netCancelUrl allow-list by idc_name is checked before any call', async () => {
    const { orderId, pgReturn, fields } = await buyerAuthenticates(5_000);
    const elsewhere = 'https://attacker.example/api/payAuth';
    const read = (params: Record<string, string>) =>
      gateway.parseReturn({ orderId, outcome: 'success', params });
    assert.equal(read({ ...fields, authUrl: elsewhere }).kind, 'rejected');
    assert.equal(read({ ...fields, idc_name: 'fc' }).kind, 'rejected');
    assert.equal(
      read({ ...fields, netCancelUrl: 'https://attacker.example/api/netCancel' }).kind,
      'rejected',
    );
    for (const params of [
      { ...pgReturn.params!, authUrl: elsewhere },
      { ...pgReturn.params!, idc_name: 'ks' },
      { ...pgReturn.params!, idc_name: 'constructor' },
    ]) {
      const result = await h.confirm(orderId, 5_000, { ...pgReturn, params });
      assert.ok(result.kind === 'declined' && result.code === 'INICIS_AUTH_URL_NOT_ALLOWED');
    }
    const cancel = await gateway.netCancel({
      orderId,
      pgReturn: { ...pgReturn, params: { ...pgReturn.params!, netCancelUrl: elsewhere } },
      reason: 'x',
      idempotencyKey: 'net-cancel:x:1',
    });
    assert.ok(cancel.kind === 'declined' && cancel.code === 'INICIS_NET_CANCEL_URL_NOT_ALLOWED');
    assert.equal(inicis().state.calls.length, 0);
    // The production allow-list: Inicis's three IDC hosts only.
    const production = createInicisPaymentGateway({ ...settings, stdpayHosts: undefined });
    const genuine = {
      idc_name: 'fc',
      authUrl: 'https://fcstdpay.inicis.com/api/payAuth',
      netCancelUrl: 'https://fcstdpay.inicis.com/api/netCancel',
    };
    const ok = production.parseReturn({ orderId, outcome: 'success', params: { ...fields, ...genuine } });
    assert.equal(ok.kind, 'authenticated');
    const mixed = production.parseReturn({
      orderId,
      outcome: 'success',
      params: { ...fields, ...genuine, authUrl: 'https://ksstdpay.inicis.com/api/payAuth' },
    });
    assert.equal(mixed.kind, 'rejected');
  });

  test('signatures, shop → Inicis: a tampered or wrongly signed request form is refused by the window; a wrong signKey fails approval', async () => {
    const { checkoutUrl } = await checkout(10_000);
    const tampered = new URL(checkoutUrl);
    tampered.searchParams.set('price', '100');
    const page = await fetch(tampered);
    assert.equal(page.status, 400);
    assert.match(await page.text(), /signature 검증 실패/);
    const wrongKey = createInicisPaymentGateway({ ...settings, signKey: 'bm90LXRoZS1zaWduLWtleQ==' });
    const forged = await wrongKey.prepareCheckout({
      orderId: newOrderId(),
      orderName: '상품',
      amount: 10_000,
      method: 'CARD',
      successUrl: 'https://shop.example/s',
      failUrl: 'https://shop.example/f',
      customerKey: 'c',
    });
    assert.ok(forged.kind === 'ready');
    assert.equal((await fetch(forged.checkoutUrl!)).status, 400);

    const { orderId, pgReturn } = await buyerAuthenticates(10_000);
    const result = await h.confirm(orderId, 10_000, pgReturn, wrongKey);
    assert.ok(result.kind === 'declined' && result.code === 'R002');
    assert.equal(authOf(orderId)?.state, 'authenticated');
  });

  test('signatures: the adapter computes the documented formulas (known answers)', () => {
    const oid = 'INIpayTest_1700000000000';
    const ts = '1700000000000';
    assert.equal(
      inicisSignatures.requestSignature({ oid, price: 1000, timestamp: ts }),
      sha256(`oid=${oid}&price=1000&timestamp=${ts}`),
    );
    assert.equal(
      inicisSignatures.requestVerification({ oid, price: 1000, timestamp: ts }, SIGN_KEY),
      sha256(`oid=${oid}&price=1000&signKey=${SIGN_KEY}&timestamp=${ts}`),
    );
    assert.equal(inicisSignatures.mKey(SIGN_KEY), sha256(SIGN_KEY));
    // Published values: Inicis's hash tool for this request, and the mKey of INIpayTest in the official samples.
    assert.equal(
      inicisSignatures.requestSignature({
        oid: 'INIpayTest_1361252896871',
        price: 1004,
        timestamp: '1361252896871',
      }),
      '422a0e78529b419d9412d6e344c6e138584d9174c691da6cd91d4330240b9192',
    );
    assert.equal(
      inicisSignatures.mKey(SIGN_KEY),
      '3a9503069192f207491d4b19bd743fc249a761ed94246c8c42fed06c3cd15a33',
    );
    assert.equal(
      inicisSignatures.approvalVerification({ authToken: 'tok', timestamp: ts }, SIGN_KEY),
      sha256(`authToken=tok&signKey=${SIGN_KEY}&timestamp=${ts}`),
    );
    // authSignature: the last digit of the timestamp picks the order (docs/vendors/inicis.md#authsignature).
    const v = { mid: MID, MOID: oid, TotPrice: '1000' };
    const table: Record<string, string> = {
      '1': `MOID=${oid}&mid=${MID}&tstamp=1700000000001`,
      '2': `MOID=${oid}&tstamp=1700000000002&mid=${MID}`,
      '3': `mid=${MID}&MOID=${oid}&tstamp=1700000000003`,
      '4': `mid=${MID}&tstamp=1700000000004&MOID=${oid}`,
      '5': `tstamp=1700000000005&mid=${MID}&MOID=${oid}`,
      '6': `tstamp=1700000000006&MOID=${oid}&mid=${MID}`,
      '7': `TotPrice=1000&mid=${MID}&tstamp=1700000000007`,
      '8': `TotPrice=1000&tstamp=1700000000008&mid=${MID}`,
      '9': `TotPrice=1000&MOID=${oid}&tstamp=1700000000009`,
      '0': `TotPrice=1000&tstamp=170000000000${0}&MOID=${oid}`,
    };
    for (const [digit, expected] of Object.entries(table)) {
      const tstamp = `170000000000${digit}`;
      assert.equal(inicisAuthSignatureInput({ ...v, tstamp }), expected);
      assert.equal(inicisSignatures.authSignature({ ...v, tstamp }), sha256(expected));
    }
    assert.equal(
      inicisSignatures.refundHashData(
        {
          type: 'PartialRefund',
          paymethod: 'Card',
          timestamp: '20240501134510',
          clientIp: '10.0.0.7',
          mid: MID,
          tid: 'T1',
          price: 3000,
          confirmPrice: 7000,
        },
        INIAPI_KEY,
      ),
      sha512(`${INIAPI_KEY}PartialRefundCard2024050113451010.0.0.7${MID}T130007000`),
    );
  });

  test('the approval amount is Inicis’s TotPrice: an approval for another amount is reported so it can be voided', async () => {
    // The window was signed for 1,000원; the order says 30,000원.
    const { orderId, pgReturn } = await buyerAuthenticates(1_000);
    const outcome = await attempt({ orderId, pgReturn }, 30_000);
    assert.ok(outcome.status === 'VOID_REQUIRED');
    assert.equal(outcome.payment.totalAmount, 1_000);
    const undone = await gateway.netCancel({
      orderId,
      pgReturn,
      reason: '금액 불일치',
      idempotencyKey: `net-cancel:${orderId}:1`,
    });
    assert.ok(undone.kind === 'canceled' && undone.canceledAmount === 1_000);
  });

  test('INIAPI refunds: partial (PartialRefund, confirmPrice = remainder), then the rest; over-balance and repeats are refused', async () => {
    const payment = await approvedPayment(10_000);
    const base = {
      orderId: payment.orderId,
      pgTransactionId: payment.pgTransactionId,
      reason: '부분 반품',
      method: 'CARD' as const,
    };
    const partial = await gateway.cancel({
      ...base,
      cancelAmount: 3_000,
      balanceAmount: 10_000,
      idempotencyKey: 'refund:1',
    });
    assert.ok(partial.kind === 'canceled', JSON.stringify(partial));
    assert.equal(partial.canceledAmount, 3_000);
    assert.equal(partial.payment.balanceAmount, 7_000);
    assert.equal(partial.payment.status, 'PARTIALLY_CANCELED');
    assert.ok(partial.cancelTransactionId && partial.cancelTransactionId !== payment.pgTransactionId);
    assert.equal(transactionOf(payment.orderId)?.balance, 7_000);

    const over = await gateway.cancel({
      ...base,
      cancelAmount: 8_000,
      balanceAmount: 7_000,
      idempotencyKey: 'refund:2',
    });
    assert.ok(over.kind === 'declined' && over.code === 'INICIS_CANCEL_EXCEEDS_BALANCE');
    const stale = await gateway.cancel({
      ...base,
      cancelAmount: 1_000,
      balanceAmount: 10_000,
      idempotencyKey: 'refund:3',
    });
    assert.ok(stale.kind === 'declined' && stale.code === '01');
    assert.equal(transactionOf(payment.orderId)?.balance, 7_000);

    const rest = await gateway.cancel({
      ...base,
      reason: '주문 취소',
      balanceAmount: 7_000,
      idempotencyKey: 'refund:4',
    });
    assert.ok(rest.kind === 'canceled');
    assert.equal(rest.canceledAmount, 7_000);
    assert.equal(rest.payment.status, 'CANCELED');
    assert.equal(transactionOf(payment.orderId)?.cancelled, true);
    const again = await gateway.cancel({ ...base, balanceAmount: 7_000, idempotencyKey: 'refund:5' });
    assert.ok(again.kind === 'declined' && again.message === '이미 취소된 거래입니다');
  });

  test('INIAPI refuses a refund whose hashData was made with another key', async () => {
    const payment = await approvedPayment(4_000);
    const wrong = createInicisPaymentGateway({ ...settings, iniapiKey: 'not-the-iniapikey' });
    const result = await wrong.cancel({
      orderId: payment.orderId,
      pgTransactionId: payment.pgTransactionId,
      reason: '취소',
      balanceAmount: 4_000,
      idempotencyKey: 'refund:1',
    });
    assert.ok(result.kind === 'declined' && result.code === 'ERR205');
    assert.equal(transactionOf(payment.orderId)?.cancelled, false);
  });

  test('the return: one for another order or another MID is rejected', async () => {
    const { orderId, fields } = await buyerAuthenticates(6_000);
    assert.equal(
      gateway.parseReturn({ orderId: 'another-order', outcome: 'success', params: fields }).kind,
      'rejected',
    );
    assert.equal(
      gateway.parseReturn({ orderId, outcome: 'success', params: { ...fields, mid: 'INIother01' } }).kind,
      'rejected',
    );
  });

  test('what Inicis does not offer is refused plainly: overseas cards, KakaoPay through Inicis, look-ups, webhooks', async () => {
    for (const request of [
      { method: 'CARD' as const, cardScope: 'OVERSEAS' as const },
      { method: 'KAKAOPAY' as const },
    ]) {
      const result = await gateway.prepareCheckout({
        orderId: newOrderId(),
        orderName: '상품',
        amount: 10_000,
        successUrl: 'https://shop.example/s',
        failUrl: 'https://shop.example/f',
        customerKey: 'c',
        ...request,
      });
      assert.ok(result.kind === 'declined' && result.code === 'PAYMENT_METHOD_NOT_SUPPORTED');
    }
    assert.equal((await gateway.lookup({ orderId: 'x' })).kind, 'declined');
    assert.equal((await gateway.parseWebhook({ headers: {}, rawBody: '{}' })).kind, 'rejected');
  });
});
