import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import {
  cancelIdempotencyKey,
  confirmIdempotencyKey,
  type AttemptLimits,
  type PaymentGateway,
  type PgWebhookEvent,
} from '../../../domain/payment';
import { useTossWindow } from '../../../simulators/pg/toss/toss-sandbox-buyer';
import {
  FAST,
  netCancelOf,
  runAttempt,
  startSimulator,
  WebhookInbox,
} from '../../../test/support/pg-gateways/gateway-test-support';
import { createTossPaymentGateway } from './toss.gateway';

const SECRET = 'test_sk_zXLkKEypNArWmo50nX3lmeaxYG5R';

describe('Toss adapter against the PG simulator', () => {
  const running = startSimulator({ toss: { webhookRetryDelaysMs: [20, 20, 20, 20, 20, 20, 20] } });
  const { simulator } = running;
  const inbox = new WebhookInbox('/webhooks/payments/toss', {
    status: 200,
    contentType: 'application/json',
    body: '{}',
  });
  let gateway: PaymentGateway;
  let seq = 0;
  const newOrderId = () => `ord-${process.pid}-${Date.now().toString(36)}-${++seq}`;

  before(async () => {
    await inbox.start();
    gateway = createTossPaymentGateway({
      apiBaseUrl: `${running.url}/toss`,
      secretKey: SECRET,
      clientKey: 'test_ck_D5GePWvyJnrK0W0k6q8gLzN97Eoq',
      checkoutPageUrl: `${running.url}/sandbox/toss/checkout`,
      timeoutMs: 300,
    });
  });
  after(() => inbox.close());
  beforeEach(() => inbox.clear());

  const faults = (knobs: Record<string, unknown>) => simulator.modules.toss.setFaults(knobs);
  const confirmCalls = () => simulator.state.toss.calls.filter((c) => c.operation === 'confirm').length;

  /** Prepare the checkout, let the buyer press 결제하기, hand back what the browser brought. */
  async function buyerAuthenticates(
    amount: number,
    options: { method?: 'CARD' | 'BANK_TRANSFER' | 'KAKAOPAY'; overseas?: boolean } = {},
  ) {
    const orderId = newOrderId();
    const checkout = await gateway.prepareCheckout({
      orderId,
      orderName: '유기농 현미 4kg',
      amount,
      method: options.method ?? 'CARD',
      cardScope: options.overseas ? 'OVERSEAS' : 'DOMESTIC',
      successUrl: 'https://shop.example/orders/pay/success',
      failUrl: 'https://shop.example/orders/pay/fail',
      customerKey: 'cust_7f3a',
    });
    assert.equal(checkout.kind, 'ready');
    assert.ok(checkout.kind === 'ready' && checkout.checkoutUrl);
    const { params } = await useTossWindow(checkout.checkoutUrl!, 'approve');
    return { orderId, pgReturn: { token: params.paymentKey!, amount: Number(params.amount) } };
  }

  /** A buyer pays in the sandbox window and the server confirms: an approved payment. */
  async function approvedPayment(amount = 11_000) {
    const { orderId, pgReturn } = await buyerAuthenticates(amount);
    const approved = await gateway.confirm({
      orderId,
      amount,
      pgReturn,
      idempotencyKey: confirmIdempotencyKey(orderId, 1),
    });
    assert.ok(approved.kind === 'approved');
    return approved.payment;
  }

  function attempt(
    orderId: string,
    amount: number,
    pgReturn: { token: string; amount?: number },
    limits: AttemptLimits = FAST,
  ) {
    return runAttempt(
      gateway,
      { orderId, amount, limits },
      {
        confirm: () =>
          gateway.confirm({ orderId, amount, pgReturn, idempotencyKey: confirmIdempotencyKey(orderId, 1) }),
        lookup: () => gateway.lookup({ orderId }),
        netCancel: netCancelOf(gateway, orderId, 'uncertain approval'),
      },
    );
  }

  test('approve: one confirm call, the approval carries paymentKey, method, approvedAt, amount and the raw response', async () => {
    const { orderId, pgReturn } = await buyerAuthenticates(32_900);
    const outcome = await attempt(orderId, 32_900, pgReturn);
    assert.equal(outcome.status, 'APPROVED');
    assert.ok(outcome.status === 'APPROVED');
    assert.equal(outcome.payment.pgTransactionId, pgReturn.token);
    assert.equal(outcome.payment.method, 'CARD');
    assert.equal(outcome.payment.cardScope, 'DOMESTIC');
    assert.equal(outcome.payment.totalAmount, 32_900);
    assert.match(outcome.payment.approvedAt ?? '', /\+09:00$/);
    assert.equal((outcome.payment.raw as { status: string }).status, 'DONE');
    assert.equal(outcome.confirmCalls, 1);
    assert.equal(outcome.recoveredByLookup, false);
  });

  test('overseas card and KakaoPay are reported with their method', async () => {
    const overseas = await buyerAuthenticates(50_000, { overseas: true });
    const card = await gateway.confirm({
      orderId: overseas.orderId,
      amount: 50_000,
      pgReturn: overseas.pgReturn,
      idempotencyKey: confirmIdempotencyKey(overseas.orderId, 1),
    });
    assert.ok(card.kind === 'approved');
    assert.equal(card.payment.cardScope, 'OVERSEAS');
    const kakao = await buyerAuthenticates(8_000, { method: 'KAKAOPAY' });
    const easy = await gateway.confirm({
      orderId: kakao.orderId,
      amount: 8_000,
      pgReturn: kakao.pgReturn,
      idempotencyKey: confirmIdempotencyKey(kakao.orderId, 1),
    });
    assert.ok(easy.kind === 'approved');
    assert.equal(easy.payment.method, 'KAKAOPAY');
  });

  test('decline is final: one call, no retry, the code and message reach the caller', async () => {
    const { orderId, pgReturn } = await buyerAuthenticates(12_000);
    faults({ decline: { code: 'REJECT_CARD_PAYMENT' } });
    const outcome = await attempt(orderId, 12_000, pgReturn);
    assert.equal(outcome.status, 'DECLINED');
    assert.ok(outcome.status === 'DECLINED');
    assert.equal(outcome.code, 'REJECT_CARD_PAYMENT');
    assert.equal(outcome.message, '한도초과 혹은 잔액부족으로 결제에 실패했습니다.');
    assert.equal(confirmCalls(), 1);
  });

  test('a transient failure twice, then the third call approves', async () => {
    const { orderId, pgReturn } = await buyerAuthenticates(9_900);
    faults({ transient: { times: 2 } });
    const outcome = await attempt(orderId, 9_900, pgReturn);
    assert.equal(outcome.status, 'APPROVED');
    assert.equal(outcome.confirmCalls, 3);
    assert.deepEqual(
      outcome.steps.map((s) => `${s.call}:${s.result}`),
      ['confirm:retryable', 'confirm:retryable', 'confirm:approved'],
    );
  });

  test('PROVIDER_ERROR (400) is retried like a 5xx', async () => {
    const { orderId, pgReturn } = await buyerAuthenticates(9_900);
    faults({ transient: { times: 1, code: 'PROVIDER_ERROR' } });
    const outcome = await attempt(orderId, 9_900, pgReturn);
    assert.equal(outcome.status, 'APPROVED');
    assert.equal(outcome.confirmCalls, 2);
  });

  test('retries exhausted: 4 calls in all, then the result says dead-letter', async () => {
    const { orderId, pgReturn } = await buyerAuthenticates(21_000);
    faults({ transient: { times: 10 } });
    const outcome = await attempt(orderId, 21_000, pgReturn);
    assert.equal(outcome.status, 'DEAD_LETTER');
    assert.ok(outcome.status === 'DEAD_LETTER');
    assert.equal(outcome.reason, 'RETRIES_EXHAUSTED');
    assert.equal(outcome.code, 'FAILED_PAYMENT_INTERNAL_SYSTEM_PROCESSING');
    assert.equal(confirmCalls(), 4);
    assert.equal(simulator.state.toss.payments.get(pgReturn.token)?.status, 'IN_PROGRESS');
  });

  test('timeout: the confirm hangs past the client timeout, the look-up finds the approval', async () => {
    const { orderId, pgReturn } = await buyerAuthenticates(45_000);
    faults({ timeout: { hangMs: 2_000 } });
    const outcome = await attempt(orderId, 45_000, pgReturn);
    assert.equal(outcome.status, 'APPROVED');
    assert.ok(outcome.status === 'APPROVED');
    assert.equal(outcome.recoveredByLookup, true);
    assert.equal(outcome.confirmCalls, 1);
    assert.deepEqual(
      outcome.steps.map((s) => `${s.call}:${s.result}:${s.code ?? s.status ?? ''}`),
      ['confirm:ambiguous:TIMEOUT', 'lookup:found:APPROVED'],
    );
  });

  test('approved but the response is lost (connection dropped): the look-up finds the approval, no second confirm', async () => {
    const { orderId, pgReturn } = await buyerAuthenticates(7_500);
    faults({ loseResponse: { mode: 'drop' } });
    const outcome = await attempt(orderId, 7_500, pgReturn);
    assert.equal(outcome.status, 'APPROVED');
    assert.ok(outcome.status === 'APPROVED' && outcome.recoveredByLookup);
    assert.equal(outcome.steps[0]?.code, 'NETWORK_ERROR');
    assert.equal(confirmCalls(), 1);
  });

  test('approved but answered with a 500: ambiguous, resolved by look-up', async () => {
    const { orderId, pgReturn } = await buyerAuthenticates(7_500);
    faults({ loseResponse: { mode: 'error' } });
    const outcome = await attempt(orderId, 7_500, pgReturn);
    assert.equal(outcome.status, 'APPROVED');
    assert.equal(outcome.steps[0]?.code, 'FAILED_INTERNAL_SYSTEM_PROCESSING');
  });

  test('a timeout where Toss did nothing: the look-up sees it unapproved and the confirm is sent again', async () => {
    const { orderId, pgReturn } = await buyerAuthenticates(3_000);
    // Toss gives up on the hung request after 400 ms; until then a repeat with the same key would get 409.
    faults({ timeout: { hangMs: 400, process: false } });
    const outcome = await attempt(orderId, 3_000, pgReturn, { ...FAST, retryDelaysMs: [500, 500, 500] });
    assert.equal(outcome.status, 'APPROVED');
    assert.deepEqual(
      outcome.steps.map((s) => `${s.call}:${s.result}`),
      ['confirm:ambiguous', 'lookup:found', 'confirm:approved'],
    );
  });

  test('amount mismatch: a tampered client amount is refused before any PG call', async () => {
    const { orderId, pgReturn } = await buyerAuthenticates(30_000);
    const result = await gateway.confirm({
      orderId,
      amount: 30_000,
      pgReturn: { ...pgReturn, amount: 300 },
      idempotencyKey: confirmIdempotencyKey(orderId, 1),
    });
    assert.equal(result.kind, 'declined');
    assert.ok(result.kind === 'declined' && result.code === 'PAYMENT_AMOUNT_MISMATCH');
    assert.equal(confirmCalls(), 0);
  });

  test('amount mismatch: Toss refuses to confirm another amount than the one authenticated in the window', async () => {
    // The window was opened (and authenticated) for 1,000원, the order says 30,000원.
    const { orderId, pgReturn } = await buyerAuthenticates(1_000);
    const result = await gateway.confirm({
      orderId,
      amount: 30_000,
      pgReturn: { token: pgReturn.token },
      idempotencyKey: confirmIdempotencyKey(orderId, 1),
    });
    assert.ok(result.kind === 'declined');
    assert.equal(result.code, 'INVALID_REQUEST');
    assert.equal(simulator.state.toss.payments.get(pgReturn.token)?.status, 'IN_PROGRESS');
  });

  test('cancel and partial cancel: balance goes down, a cancel above the balance is refused, a repeated cancel is recognised', async () => {
    const payment = await approvedPayment(10_000);
    const { orderId } = payment;
    const key = payment.pgTransactionId;

    const partial = await gateway.cancel({
      orderId,
      pgTransactionId: key,
      cancelAmount: 3_000,
      reason: '부분 반품',
      idempotencyKey: cancelIdempotencyKey(orderId, 1),
    });
    assert.ok(partial.kind === 'canceled');
    assert.equal(partial.canceledAmount, 3_000);
    assert.equal(partial.payment.balanceAmount, 7_000);
    assert.equal(partial.payment.status, 'PARTIALLY_CANCELED');
    assert.ok(partial.cancelTransactionId);

    const tooMuch = await gateway.cancel({
      orderId,
      pgTransactionId: key,
      cancelAmount: 8_000,
      reason: '초과 취소',
      idempotencyKey: cancelIdempotencyKey(orderId, 2),
    });
    assert.ok(tooMuch.kind === 'declined');
    assert.equal(tooMuch.code, 'NOT_CANCELABLE_AMOUNT');

    const rest = await gateway.cancel({
      orderId,
      pgTransactionId: key,
      reason: '주문 취소',
      idempotencyKey: cancelIdempotencyKey(orderId, 3),
    });
    assert.ok(rest.kind === 'canceled');
    assert.equal(rest.canceledAmount, 7_000);
    assert.equal(rest.payment.status, 'CANCELED');
    assert.equal(rest.payment.balanceAmount, 0);
    assert.equal(rest.payment.cancels.length, 2);

    const again = await gateway.cancel({
      orderId,
      pgTransactionId: key,
      reason: '주문 취소',
      idempotencyKey: cancelIdempotencyKey(orderId, 4),
    });
    assert.ok(again.kind === 'canceled');
    assert.equal(again.alreadyCanceled, true);
    assert.equal(again.canceledAmount, 0);
  });

  test('idempotent replay: the same cancel sent twice with one key cancels once', async () => {
    const payment = await approvedPayment(10_000);
    const { orderId } = payment;
    const request = {
      orderId,
      pgTransactionId: payment.pgTransactionId,
      cancelAmount: 2_500,
      reason: '부분 취소',
      idempotencyKey: cancelIdempotencyKey(orderId, 1),
    };
    const first = await gateway.cancel(request);
    const second = await gateway.cancel(request);
    assert.ok(first.kind === 'canceled' && second.kind === 'canceled');
    assert.deepEqual(second.payment.raw, first.payment.raw);
    const current = await gateway.lookup({ orderId });
    assert.ok(current.kind === 'found');
    assert.equal(current.payment.balanceAmount, 7_500);
    assert.equal(current.payment.cancels.length, 1);
  });

  test('a confirm repeated with the same key after a lost answer replays the approval', async () => {
    const { orderId, pgReturn } = await buyerAuthenticates(4_000);
    faults({ loseResponse: { mode: 'error' } });
    const request = { orderId, amount: 4_000, pgReturn, idempotencyKey: confirmIdempotencyKey(orderId, 1) };
    const lost = await gateway.confirm(request);
    assert.equal(lost.kind, 'ambiguous');
    const replayed = await gateway.confirm(request);
    assert.ok(replayed.kind === 'approved');
    assert.equal(replayed.payment.pgTransactionId, pgReturn.token);
    assert.equal(simulator.state.toss.calls.at(-1)?.delivery, 'replayed');
  });

  test('a wrong secret key is a final, alerting decline on every call', async () => {
    const wrong = createTossPaymentGateway({
      apiBaseUrl: `${running.url}/toss`,
      secretKey: 'test_sk_not_a_real_key',
      timeoutMs: 300,
    });
    const { orderId, pgReturn } = await buyerAuthenticates(5_000);
    const confirm = await wrong.confirm({
      orderId,
      amount: 5_000,
      pgReturn,
      idempotencyKey: confirmIdempotencyKey(orderId, 1),
    });
    assert.ok(confirm.kind === 'declined');
    assert.equal(confirm.code, 'UNAUTHORIZED_KEY');
    assert.equal(confirm.httpStatus, 401);
    assert.equal(confirm.alert, true);
    const lookup = await wrong.lookup({ orderId });
    assert.ok(lookup.kind === 'declined' && lookup.alert);
  });

  test('net-cancel after an uncertain approval cancels what Toss approved; with nothing approved it does nothing', async () => {
    const { orderId, pgReturn } = await buyerAuthenticates(6_000);
    faults({ loseResponse: { mode: 'drop' } });
    assert.equal(
      (
        await gateway.confirm({
          orderId,
          amount: 6_000,
          pgReturn,
          idempotencyKey: confirmIdempotencyKey(orderId, 1),
        })
      ).kind,
      'ambiguous',
    );
    const undone = await gateway.netCancel({
      orderId,
      reason: '승인 결과 불명',
      idempotencyKey: `net-cancel:${orderId}:1`,
    });
    assert.ok(undone.kind === 'canceled');
    assert.equal(undone.payment.status, 'CANCELED');
    const other = await buyerAuthenticates(6_000);
    const nothing = await gateway.netCancel({
      orderId: other.orderId,
      reason: '승인 결과 불명',
      idempotencyKey: `net-cancel:${other.orderId}:1`,
    });
    assert.equal(nothing.kind, 'nothing_to_cancel');
  });

  describe('webhooks', () => {
    beforeEach(() => simulator.modules.toss.configure({ webhookUrl: inbox.url }));

    const parse = (rawBody: string, context?: Parameters<PaymentGateway['parseWebhook']>[1]) =>
      gateway.parseWebhook({ headers: { 'content-type': 'application/json' }, rawBody }, context);

    test('a genuine PAYMENT_STATUS_CHANGED is accepted with the state fetched back from Toss', async () => {
      const payment = await approvedPayment();
      const [body] = await inbox.waitFor(1);
      const result = await parse(body!);
      assert.ok(result.kind === 'accepted');
      assert.equal(result.ack.status, 200);
      assert.equal(result.event.type, 'PAYMENT_STATUS_CHANGED');
      assert.equal(result.event.orderId, payment.orderId);
      assert.equal(result.event.payment.status, 'APPROVED');
      assert.equal(result.event.stale, false);
    });

    test("forged webhooks are rejected: unknown paymentKey, or an orderId that is not the payment's", async () => {
      const payment = await approvedPayment();
      const unknown = await parse(
        JSON.stringify({
          eventType: 'PAYMENT_STATUS_CHANGED',
          createdAt: '2025-01-01T00:00:00+09:00',
          data: { paymentKey: 'tsim_forged', orderId: payment.orderId, status: 'DONE' },
        }),
      );
      assert.equal(unknown.kind, 'rejected');
      const otherOrder = await parse(
        JSON.stringify({
          eventType: 'PAYMENT_STATUS_CHANGED',
          data: { paymentKey: payment.pgTransactionId, orderId: 'someone-elses-order', status: 'CANCELED' },
        }),
      );
      assert.equal(otherOrder.kind, 'rejected');
      assert.notEqual(otherOrder.ack.status, 200);
      const lies = await parse(
        JSON.stringify({
          eventType: 'PAYMENT_STATUS_CHANGED',
          data: { paymentKey: payment.pgTransactionId, orderId: payment.orderId, status: 'CANCELED' },
        }),
      );
      assert.ok(lies.kind === 'accepted');
      assert.equal(
        lies.event.payment.status,
        'APPROVED',
        "the claimed status is ignored: only Toss's answer counts",
      );
      assert.equal(lies.event.stale, true);
      assert.equal((await parse('not json')).kind, 'rejected');
    });

    test('duplicate deliveries parse to the same event id', async () => {
      faults({ webhooks: { duplicate: true } });
      await approvedPayment();
      const bodies = await inbox.waitFor(2);
      const ids = await Promise.all(
        bodies.map(async (b) => ((await parse(b)) as { event: PgWebhookEvent }).event.eventId),
      );
      assert.equal(ids[0], ids[1]);
    });

    test('out-of-order deliveries resolve to the current state: the late DONE reads as the CANCELED event', async () => {
      faults({ webhooks: { outOfOrder: true } });
      const payment = await approvedPayment();
      const canceled = await gateway.cancel({
        orderId: payment.orderId,
        pgTransactionId: payment.pgTransactionId,
        reason: '단순 변심',
        idempotencyKey: cancelIdempotencyKey(payment.orderId, 1),
      });
      assert.equal(canceled.kind, 'canceled');
      await fetch(`${running.url}/__sim/webhooks/flush`, { method: 'POST' });
      const bodies = await inbox.waitFor(2);
      assert.deepEqual(
        bodies.map((b) => (JSON.parse(b) as { data: { status: string } }).data.status),
        ['CANCELED', 'DONE'],
      );
      const events = await Promise.all(
        bodies.map(async (b) => ((await parse(b)) as { event: PgWebhookEvent }).event),
      );
      assert.equal(events[0]!.eventId, events[1]!.eventId);
      assert.deepEqual(
        events.map((e) => [e.payment.status, e.stale]),
        [
          ['CANCELED', false],
          ['CANCELED', true],
        ],
      );
    });

    test('Toss retries a webhook the shop did not answer with 200', async () => {
      inbox.failNext = 1;
      await approvedPayment();
      await inbox.waitFor(1);
      let deliveries = simulator.modules.toss.webhooks() as Array<{
        attempt: number;
        responseStatus: number;
      }>;
      for (let i = 0; i < 100 && deliveries.length < 2; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        deliveries = simulator.modules.toss.webhooks() as typeof deliveries;
      }
      assert.deepEqual(
        deliveries.map((d) => [d.attempt, d.responseStatus]),
        [
          [1, 500],
          [2, 200],
        ],
      );
    });

    test("DEPOSIT_CALLBACK: accepted with the payment's secret, rejected with another", async () => {
      const orderId = newOrderId();
      const url = new URL(`${running.url}/sandbox/toss/checkout`);
      for (const [k, v] of Object.entries({
        orderId,
        orderName: '가상계좌 주문',
        amount: '25000',
        method: 'VIRTUAL_ACCOUNT',
        successUrl: 'https://shop.example/s',
        failUrl: 'https://shop.example/f',
      }))
        url.searchParams.set(k, v);
      const { params } = await useTossWindow(url.toString(), 'approve');
      const issued = await gateway.confirm({
        orderId,
        amount: 25_000,
        pgReturn: { token: params.paymentKey! },
        idempotencyKey: confirmIdempotencyKey(orderId, 1),
      });
      assert.ok(issued.kind === 'approved');
      assert.equal(issued.payment.status, 'AWAITING_DEPOSIT');
      assert.equal(issued.payment.bankTransferKind, 'VIRTUAL_ACCOUNT');
      assert.ok(issued.payment.callbackSecret);
      inbox.bodies = [];

      const deposit = await fetch(`${running.url}/__sim/toss/deposits`, {
        method: 'POST',
        body: JSON.stringify({ orderId }),
      });
      assert.equal(deposit.status, 200);
      const bodies = await inbox.waitFor(2);
      const callback = bodies.find((b) => !(JSON.parse(b) as { eventType?: string }).eventType)!;
      const accepted = await parse(callback, {
        storedCallbackSecret: async () => issued.payment.callbackSecret,
      });
      assert.ok(accepted.kind === 'accepted');
      assert.equal(accepted.event.type, 'DEPOSIT');
      assert.equal(accepted.event.payment.status, 'APPROVED');
      const again = await parse(callback);
      assert.ok(again.kind === 'accepted');
      assert.equal(again.event.eventId, accepted.event.eventId);

      const forged = {
        ...(JSON.parse(callback) as Record<string, unknown>),
        secret: 'ps_forged_secret_value',
      };
      assert.equal((await parse(JSON.stringify(forged))).kind, 'rejected');
      assert.equal(
        (await parse(callback, { storedCallbackSecret: async () => 'ps_other' })).kind,
        'rejected',
      );
    });
  });
});
