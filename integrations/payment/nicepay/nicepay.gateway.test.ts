import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, beforeEach, describe, test } from 'node:test';
import { cancelIdempotencyKey, confirmIdempotencyKey, type PaymentGateway } from '../../../domain/payment';
import { NICEPAY_DOC_CLIENT } from '../../../simulators/pg/nicepay/nicepay.simulator';
import {
  cardWindowHarness,
  cardWindowTests,
  type CardWindowPgSpec,
} from '../../../test/support/pg-gateways/card-window-cases';
import {
  faultCaseTests,
  type AuthenticatedPayment,
} from '../../../test/support/pg-gateways/gateway-fault-cases';
import { startSimulator, WebhookInbox } from '../../../test/support/pg-gateways/gateway-test-support';
import { createNicepayPaymentGateway } from './nicepay.gateway';
import { ediDate, nicepaySignatures } from './nicepay-signatures';

const { clientKey: CLIENT_KEY, secretKey: SECRET_KEY } = NICEPAY_DOC_CLIENT;
/** The documented formula, computed here independently of the adapter. */
const sha256 = (input: string) => createHash('sha256').update(input, 'utf8').digest('hex');

describe('NicePay adapter against the PG simulator', () => {
  const running = startSimulator();
  const { simulator } = running;
  /** The shop's webhook endpoint: answers with what the gateway's parser says (NicePay wants `OK`). */
  const inbox = new WebhookInbox('/api/v1/webhooks/payments/nicepay', {
    status: 200,
    contentType: 'text/html',
    body: 'OK',
  });
  let gateway: PaymentGateway;
  let seq = 0;
  const newOrderId = () => `nic-${process.pid}-${Date.now().toString(36)}-${++seq}`;
  const nicepay = () => simulator.modules.nicepay;

  before(async () => {
    await inbox.start();
    gateway = createNicepayPaymentGateway({
      apiBaseUrl: `${running.url}/nicepay`,
      clientKey: CLIENT_KEY,
      secretKey: SECRET_KEY,
      checkoutPageUrl: `${running.url}/sandbox/nicepay/checkout`,
      timeoutMs: 300,
    });
  });
  after(() => inbox.close());
  beforeEach(() => {
    nicepay().configure({ webhookUrl: inbox.url });
    inbox.clear();
  });

  const faults = (knobs: Record<string, unknown>) => nicepay().setFaults(knobs);
  const calls = (operation: string) => nicepay().state.calls.filter((c) => c.operation === operation).length;
  const transactionOf = (orderId: string) =>
    nicepay().state.transactions.get(nicepay().state.orders.get(orderId) ?? '');

  const spec: CardWindowPgSpec = {
    pg: 'nicepay',
    orderName: '제주 감귤 5kg',
    sendsCardScope: true,
    lookupByTid: true,
    gateway: () => gateway,
    newOrderId,
  };
  const h = cardWindowHarness(spec);
  const { checkout, buyerAuthenticates, confirm, attempt, approvedPayment } = h;
  const statusIs =
    (status: string) =>
    (_outcome: unknown, { orderId }: AuthenticatedPayment) =>
      assert.equal(transactionOf(orderId)?.status, status);
  const notApproved = (_outcome: unknown, { orderId }: AuthenticatedPayment) =>
    assert.equal(transactionOf(orderId)?.approved, false);

  cardWindowTests(spec, h, {
    provider: 'NICEPAY',
    approved(outcome, { orderId, pgReturn }) {
      assert.equal(outcome.payment.pgTransactionId, pgReturn.token);
      assert.equal(outcome.payment.cardScope, 'DOMESTIC');
      assert.equal(outcome.payment.balanceAmount, 32_900);
      assert.equal(transactionOf(orderId)?.status, 'paid');
    },
    windowFailure: { code: '3095', message: '카드사 실패 응답' },
    windowFailed: (fields) => assert.equal(fields.authResultCode, '3095'),
  });

  faultCaseTests(
    { authenticated: buyerAuthenticates, faults, attempt, approveCalls: () => calls('approve') },
    [
      {
        title: 'decline is final: one call, the card code and message reach the caller',
        amount: 12_000,
        faults: { decline: { code: '3021', message: '유효기간 오류' } },
        status: 'DECLINED',
        code: '3021',
        message: '유효기간 오류',
        approveCalls: 1,
      },
      {
        title: 'a retryable resultCode (2000 DB오류) twice, then the third call approves',
        amount: 9_900,
        faults: { transient: { times: 2 } },
        status: 'APPROVED',
        steps: ['confirm:retryable:2000', 'confirm:retryable:2000', 'confirm:approved:'],
      },
      {
        title: 'retries exhausted: 4 approval calls, then dead-letter; nothing was approved',
        amount: 21_000,
        faults: { transient: { times: 10, code: 'A110', message: '외부 연동결과 실패' } },
        status: 'DEAD_LETTER',
        reason: 'RETRIES_EXHAUSTED',
        code: 'A110',
        approveCalls: 4,
        then: notApproved,
      },
      {
        title:
          'read timeout on an approval NicePay did make: net-cancel undoes it, the attempt fails for a new payment',
        amount: 45_000,
        faults: { timeout: { hangMs: 2_000 } },
        status: 'DECLINED',
        code: 'PG_NET_CANCELED',
        steps: ['confirm:ambiguous:TIMEOUT', 'netCancel:canceled:'],
        then: (outcome, payment) => {
          statusIs('cancelled')(outcome, payment);
          assert.equal(transactionOf(payment.orderId)?.cancels[0]?.reason, '망취소');
        },
      },
      {
        title: 'approved but the answer is lost (connection dropped): net-cancel, no second approval',
        amount: 7_500,
        faults: { loseResponse: { mode: 'drop' } },
        status: 'DECLINED',
        code: 'PG_NET_CANCELED',
        firstStepCode: 'NETWORK_ERROR',
        approveCalls: 1,
        then: (outcome, payment) => {
          assert.equal(calls('netCancel'), 1);
          statusIs('cancelled')(outcome, payment);
        },
      },
      {
        title:
          'a timeout where NicePay did nothing: the net-cancel finds nothing (2012) and nothing is charged',
        amount: 3_000,
        faults: { timeout: { hangMs: 1_000, process: false } },
        status: 'DECLINED',
        steps: ['confirm:ambiguous:TIMEOUT', 'netCancel:nothing_to_cancel:2012'],
        then: notApproved,
      },
      {
        title:
          'signatures, NicePay → shop: an approval answer with a wrong signature is not believed; the approval is net-cancelled',
        amount: 8_800,
        faults: { badSignature: {} },
        status: 'DECLINED',
        steps: ['confirm:ambiguous:NICEPAY_SIGNATURE_INVALID', 'netCancel:canceled:'],
        then: statusIs('cancelled'),
      },
    ],
  );

  test('overseas cards: the window offers only overseas brands and the approval says OVERSEAS', async () => {
    const { clientParams } = await checkout(50_000, { overseas: true });
    assert.equal(clientParams.cardCode, '25,26,27,28,29,34');
    const { orderId, pgReturn } = await buyerAuthenticates(50_000, { overseas: true });
    const result = await confirm(orderId, 50_000, pgReturn);
    assert.ok(result.kind === 'approved');
    assert.equal(result.payment.cardScope, 'OVERSEAS');
    assert.equal(result.payment.card?.issuerCode, '25');
  });

  test('an approval repeated after it succeeded (2201 기승인존재) is read back as this order’s approval', async () => {
    const { orderId, pgReturn } = await buyerAuthenticates(4_000);
    const request = { orderId, amount: 4_000, pgReturn, idempotencyKey: confirmIdempotencyKey(orderId, 1) };
    assert.equal((await gateway.confirm(request)).kind, 'approved');
    const again = await gateway.confirm(request);
    assert.ok(again.kind === 'approved');
    assert.equal(again.alreadyApproved, true);
    assert.equal(nicepay().state.calls.filter((c) => c.resultCode === '2201').length, 1);
  });

  test('amount checks: a tampered return amount is refused before any call; NicePay refuses another amount (A123)', async () => {
    const { orderId, pgReturn } = await buyerAuthenticates(30_000);
    const tampered = await confirm(orderId, 30_000, { ...pgReturn, amount: 300 });
    assert.ok(tampered.kind === 'declined' && tampered.code === 'PAYMENT_AMOUNT_MISMATCH');
    assert.equal(calls('approve'), 0);
    const other = await confirm(orderId, 1_000, { token: pgReturn.token });
    assert.ok(other.kind === 'declined' && other.code === 'A123');
    assert.equal(transactionOf(orderId)?.approved, false);
  });

  test('signatures: the adapter computes the documented SHA-256 formulas (known answers)', () => {
    const tid = 'nicuntct1m0101210727200708A058';
    const at = '2021-07-27T20:07:08.000+09:00';
    assert.equal(
      nicepaySignatures.approve({ tid, amount: 1004, ediDate: at }, SECRET_KEY),
      sha256(`${tid}1004${at}${SECRET_KEY}`),
    );
    assert.equal(
      nicepaySignatures.cancel({ tid, ediDate: at }, SECRET_KEY),
      sha256(`${tid}${at}${SECRET_KEY}`),
    );
    assert.equal(
      nicepaySignatures.netCancel({ orderId: 'your-unique-orderid', ediDate: at }, SECRET_KEY),
      sha256(`your-unique-orderid${at}${SECRET_KEY}`),
    );
    assert.equal(
      nicepaySignatures.authResult(
        { authToken: 'NICEUNTT0AB1', clientId: CLIENT_KEY, amount: 1004 },
        SECRET_KEY,
      ),
      sha256(`NICEUNTT0AB1${CLIENT_KEY}1004${SECRET_KEY}`),
    );
    // Fixed values (hex SHA-256 of the doc example concatenations), so a change of formula or encoding cannot pass unnoticed.
    assert.equal(
      nicepaySignatures.approve({ tid, amount: 1004, ediDate: at }, SECRET_KEY),
      '9a80633e676b2b805404124ec8c25b7c6c415ebce73aa14b125bcc9845bb1b07',
    );
    assert.equal(
      nicepaySignatures.authResult(
        { authToken: 'NICEUNTT0AB1', clientId: CLIENT_KEY, amount: '1004' },
        SECRET_KEY,
      ),
      'a91fb571ddb99fcd901ebf98f910d92acd65d3d9d27901d7b36fa025c9ac0df0',
    );
    assert.match(ediDate(new Date('2024-05-01T04:45:10.123Z')), /^2024-05-01T13:45:10\.123\+09:00$/);
  });

  test('signatures, shop → NicePay: a wrong signData is refused (A101) and nothing is approved', async () => {
    const { orderId, pgReturn } = await buyerAuthenticates(5_000);
    const at = ediDate(new Date());
    const response = await fetch(`${running.url}/nicepay/v1/payments/${pgReturn.token}`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${CLIENT_KEY}:${SECRET_KEY}`).toString('base64')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        amount: 5_000,
        ediDate: at,
        signData: sha256(`${pgReturn.token}5000${at}not-the-secret`),
      }),
    });
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { resultCode: string }).resultCode, 'A101');
    assert.equal(transactionOf(orderId)?.approved, false);
  });

  test('the return: a tampered amount or signature, another order, or a foreign clientId is rejected', async () => {
    const { orderId, fields } = await buyerAuthenticates(15_000);
    const read = (params: Record<string, string>, id = orderId) =>
      gateway.parseReturn({ orderId: id, outcome: 'success', params });
    assert.equal(read({ ...fields, amount: '150' }).kind, 'rejected');
    assert.equal(read({ ...fields, signature: sha256('forged') }).kind, 'rejected');
    assert.equal(read(fields, 'another-order').kind, 'rejected');
    assert.equal(read({ ...fields, clientId: 'R2_someoneelse' }).kind, 'rejected');
    const genuine = read(fields);
    assert.ok(genuine.kind === 'authenticated');
    assert.deepEqual(genuine.pgReturn, {
      token: fields.tid,
      amount: 15_000,
      params: { authToken: fields.authToken },
    });
  });

  test('cancel and partial cancel: balance goes down, over-balance is refused, a repeated partial cancel is not applied twice', async () => {
    const payment = await approvedPayment(10_000);
    const { orderId, pgTransactionId: tid } = payment;
    const partialRequest = {
      orderId,
      pgTransactionId: tid,
      cancelAmount: 3_000,
      reason: '부분 반품',
      idempotencyKey: cancelIdempotencyKey(orderId, 1),
    };
    const partial = await gateway.cancel(partialRequest);
    assert.ok(partial.kind === 'canceled');
    assert.equal(partial.canceledAmount, 3_000);
    assert.equal(partial.payment.balanceAmount, 7_000);
    assert.equal(partial.payment.status, 'PARTIALLY_CANCELED');
    assert.ok(partial.cancelTransactionId && partial.cancelTransactionId !== tid);

    const repeated = await gateway.cancel(partialRequest);
    assert.ok(repeated.kind === 'canceled');
    assert.equal(repeated.alreadyCanceled, true);
    assert.equal(repeated.payment.balanceAmount, 7_000);

    const tooMuch = await gateway.cancel({
      ...partialRequest,
      cancelAmount: 8_000,
      idempotencyKey: cancelIdempotencyKey(orderId, 2),
    });
    assert.ok(tooMuch.kind === 'declined' && tooMuch.code === '2032');

    const rest = await gateway.cancel({
      orderId,
      pgTransactionId: tid,
      reason: '주문 취소',
      idempotencyKey: cancelIdempotencyKey(orderId, 3),
    });
    assert.ok(rest.kind === 'canceled');
    assert.equal(rest.canceledAmount, 7_000);
    assert.equal(rest.payment.status, 'CANCELED');
    assert.equal(rest.payment.cancels.length, 2);

    const again = await gateway.cancel({
      orderId,
      pgTransactionId: tid,
      reason: '주문 취소',
      idempotencyKey: cancelIdempotencyKey(orderId, 4),
    });
    assert.ok(again.kind === 'canceled' && again.alreadyCanceled && again.canceledAmount === 0);
  });

  test('net-cancel past the 1-hour window (2020) falls back to a normal cancel', async () => {
    const payment = await approvedPayment(11_000);
    const aged = await fetch(`${running.url}/__sim/nicepay/age`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ orderId: payment.orderId, ms: 2 * 3600_000 }),
    });
    assert.equal(aged.status, 200);
    const result = await gateway.netCancel({
      orderId: payment.orderId,
      reason: '주문 실패',
      idempotencyKey: `net-cancel:${payment.orderId}:1`,
    });
    assert.ok(result.kind === 'canceled');
    assert.equal(result.payment.status, 'CANCELED');
    assert.equal(nicepay().state.calls.find((c) => c.operation === 'netCancel')?.resultCode, '2020');
    assert.equal(calls('cancel'), 1);
  });

  test('look-up by orderId (with its Korean date) and by tid; an unknown one is not found', async () => {
    const payment = await approvedPayment(13_000);
    const byOrder = await gateway.lookup({ orderId: payment.orderId });
    assert.ok(byOrder.kind === 'found' && byOrder.payment.pgTransactionId === payment.pgTransactionId);
    const byTid = await gateway.lookup({
      orderId: payment.orderId,
      pgTransactionId: payment.pgTransactionId,
    });
    assert.ok(byTid.kind === 'found' && byTid.payment.status === 'APPROVED');
    assert.equal((await gateway.lookup({ orderId: 'no-such-order' })).kind, 'not_found');
    assert.equal(
      (await gateway.lookup({ orderId: 'x', pgTransactionId: 'nicsim-unknown' })).kind,
      'not_found',
    );
  });

  test('Bearer mode: one token for many calls, a fresh one after it expired', async () => {
    const bearer = createNicepayPaymentGateway({
      apiBaseUrl: `${running.url}/nicepay`,
      clientKey: CLIENT_KEY,
      secretKey: SECRET_KEY,
      authMode: 'bearer',
      timeoutMs: 300,
    });
    const { orderId, pgReturn } = await buyerAuthenticates(6_600);
    const approved = await confirm(orderId, 6_600, pgReturn, bearer);
    assert.equal(approved.kind, 'approved');
    assert.equal((await bearer.lookup({ orderId, pgTransactionId: pgReturn.token })).kind, 'found');
    assert.equal(calls('token'), 1);
    await fetch(`${running.url}/__sim/nicepay/tokens/expire`, { method: 'POST' });
    assert.equal((await bearer.lookup({ orderId, pgTransactionId: pgReturn.token })).kind, 'found');
    assert.equal(calls('token'), 2);
  });

  test('a wrong secret key is a final, alerting decline', async () => {
    const wrong = createNicepayPaymentGateway({
      apiBaseUrl: `${running.url}/nicepay`,
      clientKey: CLIENT_KEY,
      secretKey: 'not-the-secret',
      timeoutMs: 300,
    });
    const { orderId, pgReturn } = await buyerAuthenticates(5_000);
    const result = await confirm(orderId, 5_000, pgReturn, wrong);
    assert.ok(result.kind === 'declined' && result.alert === true && result.httpStatus === 401);
  });

  test('webhooks: the approval is delivered and answered OK; a resend is the same event; a forged one is rejected', async () => {
    inbox.answer = async (raw) => (await gateway.parseWebhook({ headers: {}, rawBody: raw })).ack;
    const payment = await approvedPayment(17_000);
    await nicepay().webhooksSettled();
    const delivered = nicepay().webhooks() as Array<{
      accepted: boolean;
      responseBody: string;
      status: string;
    }>;
    assert.equal(delivered.length, 1);
    assert.deepEqual(
      [delivered[0]!.accepted, delivered[0]!.responseBody, delivered[0]!.status],
      [true, 'OK', 'paid'],
    );

    const first = await gateway.parseWebhook({ headers: {}, rawBody: inbox.bodies[0]! });
    assert.ok(first.kind === 'accepted');
    assert.equal(first.ack.body, 'OK');
    assert.equal(first.event.payment.status, 'APPROVED');
    assert.equal(first.event.orderId, payment.orderId);
    await fetch(`${running.url}/__sim/nicepay/webhooks/resend`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tid: payment.pgTransactionId }),
    });
    const resent = await gateway.parseWebhook({ headers: {}, rawBody: inbox.bodies[1]! });
    assert.ok(resent.kind === 'accepted' && resent.event.eventId === first.event.eventId);

    // The signature does not cover the status: a genuine body with another status is read back, and NicePay's word wins.
    const restatused = JSON.parse(inbox.bodies[0]!) as Record<string, unknown>;
    restatused.status = 'cancelled';
    const readBack = await gateway.parseWebhook({ headers: {}, rawBody: JSON.stringify(restatused) });
    assert.ok(readBack.kind === 'accepted');
    assert.equal(readBack.event.stale, true);
    assert.equal(readBack.event.payment.status, 'APPROVED');
    assert.equal(readBack.event.eventId, first.event.eventId);

    const forged = JSON.parse(inbox.bodies[0]!) as Record<string, unknown>;
    forged.amount = 1_000_000;
    const rejected = await gateway.parseWebhook({ headers: {}, rawBody: JSON.stringify(forged) });
    assert.equal(rejected.kind, 'rejected');
    assert.notEqual(rejected.ack.body, 'OK');
  });

  test('webhooks: a delivery signed wrong by the PG is refused by the shop, and NicePay records it undelivered', async () => {
    inbox.answer = async (raw) => (await gateway.parseWebhook({ headers: {}, rawBody: raw })).ack;
    faults({ webhooks: { badSignature: true } });
    await approvedPayment(9_000);
    await nicepay().webhooksSettled();
    const [delivery] = nicepay().webhooks() as Array<{ accepted: boolean; responseStatus: number }>;
    assert.deepEqual([delivery!.accepted, delivery!.responseStatus], [false, 400]);
  });
});
