import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { WorkflowFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { PgProvider, PgReturn } from '../../domain/payment';
import { NICEPAY_WEBHOOK_PATH } from '../../integrations/payment/payment-vendors';
import { TypeOrmPointsLedger } from '../../persistence/payment/typeorm-points.ledger';
import { uuidv7 } from '../../platform/ids';
import { useSandboxWindow } from '../../simulators/pg/shared/sandbox-buyer';
import { openPaymentSandbox, type PaymentSandbox } from '../support/payment-sandbox';
import { createTimeSkippingEnvironment } from '../support/temporal';
import {
  PAYMENT_TASK_QUEUE,
  paymentAttemptWorkflowId,
  type PaymentAttemptInput,
  type PaymentAttemptResult,
} from '../../workflows/payment/payment.messages';

/**
 * PaymentAttempt through NicePay and KG Inicis: the real workflow on the time-skipping server, the
 * real activities over MariaDB, the PG simulator; the buyer pays in the sandbox window reached
 * through the shop's own address. Both PGs settle an uncertain approval by net-cancel.
 */
describe('paymentAttemptWorkflow with NicePay and KG Inicis (time-skipping server, MariaDB, PG simulator)', () => {
  let env: TestWorkflowEnvironment;
  let sandbox: PaymentSandbox;
  let points: TypeOrmPointsLedger;
  const orders: string[] = [];

  before(async () => {
    env = await createTimeSkippingEnvironment();
    sandbox = await openPaymentSandbox(env);
    sandbox.simulator.modules.nicepay.configure({ webhookUrl: `${sandbox.baseUrl}${NICEPAY_WEBHOOK_PATH}` });
    points = new TypeOrmPointsLedger({
      dataSource: sandbox.app.dataSource,
      newId: uuidv7,
      now: () => new Date(),
    });
  });

  after(async () => {
    const ds = sandbox?.app.dataSource;
    if (ds && orders.length) {
      const marks = orders.map(() => '?').join(', ');
      await ds.query(`DELETE FROM payments WHERE order_id IN (${marks})`, orders);
      await ds.query(`DELETE FROM payment_events WHERE order_id IN (${marks})`, orders);
      await ds.query(`DELETE FROM points_holds WHERE order_id IN (${marks})`, orders);
      await ds.query(
        `DELETE FROM dead_letters WHERE ${orders.map(() => 'reference LIKE ?').join(' OR ')}`,
        orders.map((o) => `payment:${o}:%`),
      );
    }
    await sandbox?.close();
    await env?.teardown();
  });

  const pgs: Array<{ provider: PgProvider; name: 'nicepay' | 'inicis' }> = [
    { provider: 'NICEPAY', name: 'nicepay' },
    { provider: 'INICIS', name: 'inicis' },
  ];

  const faults = (name: string, knobs: Record<string, unknown>) =>
    sandbox.simulator.modules[name as 'nicepay' | 'inicis'].setFaults(knobs);

  /** The buyer pays in the PG's sandbox window (through the shop's /sandbox proxy); the shop reads the POSTed result. */
  async function buyerPays(provider: PgProvider, orderId: string, amount: number): Promise<PgReturn> {
    const gateway = sandbox.gateways.gateway(provider);
    const base = `${sandbox.baseUrl}/api/v1/payments/return/${provider.toLowerCase()}/${orderId}`;
    const checkout = await gateway.prepareCheckout({
      orderId,
      orderName: '무선 키보드 외 1건',
      amount,
      method: 'CARD',
      successUrl: `${base}/success`,
      failUrl: `${base}/fail`,
      cancelUrl: `${base}/cancel`,
      customerKey: uuidv7(),
    });
    assert.ok(checkout.kind === 'ready' && checkout.checkoutUrl);
    assert.ok(checkout.checkoutUrl.startsWith(`${sandbox.baseUrl}/sandbox/`));
    const window = await useSandboxWindow(checkout.checkoutUrl, 'approve');
    assert.ok(window.kind === 'post' && window.action === `${base}/success`);
    const read = gateway.parseReturn({ orderId, outcome: 'success', params: window.fields });
    assert.ok(read.kind === 'authenticated', JSON.stringify(read));
    return read.pgReturn;
  }

  async function input(provider: PgProvider, total: number, pointsAmount = 0): Promise<PaymentAttemptInput> {
    const orderId = uuidv7();
    orders.push(orderId);
    const userId = uuidv7();
    if (pointsAmount > 0) await points.earn(userId, pointsAmount, `event:welcome:${userId}`);
    return {
      orderId,
      attempt: 1,
      userId,
      method: 'CARD',
      provider,
      totalAmount: total,
      pointsAmount,
      pgReturn: await buyerPays(provider, orderId, total - pointsAmount),
      orderNumber: `JT-${orderId.slice(-6)}`,
      orderName: '무선 키보드 외 1건',
    };
  }

  const run = (attempt: PaymentAttemptInput): Promise<PaymentAttemptResult> =>
    env.client.workflow.execute('paymentAttemptWorkflow', {
      taskQueue: PAYMENT_TASK_QUEUE,
      workflowId: paymentAttemptWorkflowId(attempt.orderId, attempt.attempt),
      args: [attempt],
    });

  async function row(orderId: string) {
    const [found] = (await sandbox.app.dataSource.query(
      'SELECT status, provider, pg_transaction_id, failure_code, raw_response FROM payments WHERE order_id = ?',
      [orderId],
    )) as Array<Record<string, unknown>>;
    return found!;
  }
  const ledger = async (userId: string) =>
    (await points.entries(userId, { limit: 20 })).items.map((e) => e.type).reverse();
  const pgCalls = (name: string, operation: string) =>
    sandbox.simulator.state[name as 'nicepay' | 'inicis'].calls.filter((c) => c.operation === operation)
      .length;

  for (const { provider, name } of pgs) {
    describe(provider, () => {
      test('approve: PAID with points captured; the row keeps the PG transaction id and raw answer', async () => {
        const attempt = await input(provider, 30_000, 5_000);
        const result = await run(attempt);
        assert.ok(result.status === 'PAID');
        assert.equal(result.pgAmount, 25_000);
        assert.equal(result.recoveredByLookup, false);
        const stored = await row(attempt.orderId);
        assert.equal(stored.status, 'APPROVED');
        assert.equal(stored.provider, provider);
        assert.equal(stored.pg_transaction_id, result.pgTransactionId);
        assert.ok(String(stored.raw_response).includes(result.pgTransactionId!));
        assert.deepEqual(await ledger(attempt.userId), ['EARN', 'HOLD', 'CAPTURE']);
      });

      test('decline: final after one call; the points come back', async () => {
        const attempt = await input(provider, 12_000, 2_000);
        faults(name, { decline: {} });
        const before = pgCalls(name, 'approve');
        const result = await run(attempt);
        assert.ok(result.status === 'DECLINED');
        assert.equal(result.code, provider === 'NICEPAY' ? '3095' : 'R101');
        assert.equal(pgCalls(name, 'approve') - before, 1);
        assert.equal((await row(attempt.orderId)).status, 'DECLINED');
        assert.deepEqual(await ledger(attempt.userId), ['EARN', 'HOLD', 'RELEASE']);
      });

      test('a retryable failure twice, then approved on the third call', async () => {
        const attempt = await input(provider, 9_900);
        faults(name, { transient: { times: 2 } });
        const before = pgCalls(name, 'approve');
        const result = await run(attempt);
        assert.equal(result.status, 'PAID');
        assert.equal(pgCalls(name, 'approve') - before, 3);
      });

      test('approved but the answer is lost: net-cancelled at the PG, the attempt declined, points returned', async () => {
        const attempt = await input(provider, 15_000, 3_000);
        faults(name, { loseResponse: { mode: 'drop' } });
        const result = await run(attempt);
        assert.ok(result.status === 'DECLINED');
        assert.equal(result.code, 'PG_NET_CANCELED');
        assert.equal(pgCalls(name, 'netCancel') >= 1, true);
        const cancelled =
          provider === 'NICEPAY'
            ? sandbox.simulator.state.nicepay.transactions.get(
                sandbox.simulator.state.nicepay.orders.get(attempt.orderId)!,
              )?.status === 'cancelled'
            : [...sandbox.simulator.state.inicis.transactions.values()].find((t) => t.oid === attempt.orderId)
                ?.cancelled === true;
        assert.equal(cancelled, true);
        assert.deepEqual(await ledger(attempt.userId), ['EARN', 'HOLD', 'RELEASE']);
        assert.notEqual((await row(attempt.orderId)).status, 'APPROVED');
      });

      test('retries exhausted: 4 calls, the undo runs, a dead letter is parked and the workflow fails', async () => {
        const attempt = await input(provider, 21_000, 1_000);
        faults(name, { transient: { times: 10 } });
        const before = pgCalls(name, 'approve');
        await assert.rejects(run(attempt), (error: unknown) => {
          assert.ok(error instanceof WorkflowFailedError);
          assert.match(String((error.cause as Error | undefined)?.message), /dead-lettered/);
          return true;
        });
        assert.equal(pgCalls(name, 'approve') - before, 4);
        const [letter] = (await sandbox.app.dataSource.query(
          'SELECT status, attempts FROM dead_letters WHERE reference = ?',
          [paymentAttemptWorkflowId(attempt.orderId, 1)],
        )) as Array<{ status: string; attempts: number }>;
        assert.deepEqual({ ...letter }, { status: 'OPEN', attempts: 4 });
        assert.equal((await row(attempt.orderId)).status, 'FAILED');
        assert.deepEqual(await ledger(attempt.userId), ['EARN', 'HOLD', 'RELEASE']);
        faults(name, { transient: undefined });
      });
    });
  }

  describe('webhooks through the API: POST /api/v1/webhooks/payments/{pg}', () => {
    const eventsOf = async (orderId: string) =>
      (
        (await sandbox.app.dataSource.query('SELECT event_id FROM payment_events WHERE order_id = ?', [
          orderId,
        ])) as unknown[]
      ).length;

    test('NicePay: the approval webhook reaches the shop, which answers the text OK; replays change nothing; a forged one is refused', async () => {
      const attempt = await input('NICEPAY', 18_000);
      assert.equal((await run(attempt)).status, 'PAID');
      await sandbox.simulator.modules.nicepay.webhooksSettled();
      const deliveries = (
        sandbox.simulator.modules.nicepay.webhooks() as Array<{
          orderId: string;
          accepted: boolean;
          responseBody: string;
          body: unknown;
        }>
      ).filter((d) => d.orderId === attempt.orderId);
      assert.equal(deliveries.length, 1);
      assert.deepEqual([deliveries[0]!.accepted, deliveries[0]!.responseBody], [true, 'OK']);
      assert.equal(await eventsOf(attempt.orderId), 1);

      const replay = await sandbox.app.request('/api/v1/webhooks/payments/nicepay', {
        body: deliveries[0]!.body,
      });
      assert.equal(replay.status, 200);
      assert.match(replay.headers.get('content-type') ?? '', /^text\/html/);
      assert.equal(await replay.text(), 'OK');
      assert.equal(await eventsOf(attempt.orderId), 1);
      assert.equal((await row(attempt.orderId)).status, 'APPROVED');

      // NicePay's signature covers tid, amount and ediDate only: a genuine body replayed with another
      // status passes it, and changes nothing, because the shop acts on NicePay's answer to a look-up.
      const genuine = deliveries[0]!.body as Record<string, unknown>;
      const restatused = await sandbox.app.request('/api/v1/webhooks/payments/nicepay', {
        body: { ...genuine, status: 'cancelled', balanceAmt: 0 },
      });
      assert.equal(await restatused.text(), 'OK');
      assert.equal((await row(attempt.orderId)).status, 'APPROVED');
      assert.equal(await eventsOf(attempt.orderId), 1);
      const forged = await sandbox.app.request('/api/v1/webhooks/payments/nicepay', {
        body: { ...genuine, amount: 180 },
      });
      assert.equal(forged.status, 400);
      assert.equal(((await forged.json()) as { code: string }).code, 'PAYMENT_WEBHOOK_REJECTED');
      assert.equal((await row(attempt.orderId)).status, 'APPROVED');
    });

    test('NicePay: a cancel at the PG arrives by webhook and moves the row forward', async () => {
      const attempt = await input('NICEPAY', 16_000);
      const paid = await run(attempt);
      assert.ok(paid.status === 'PAID');
      const cancelled = await sandbox.gateways.gateway('NICEPAY').cancel({
        orderId: attempt.orderId,
        pgTransactionId: paid.pgTransactionId!,
        reason: '고객 요청',
        idempotencyKey: `cancel:${attempt.orderId}:1`,
      });
      assert.equal(cancelled.kind, 'canceled');
      await sandbox.simulator.modules.nicepay.webhooksSettled();
      assert.equal((await row(attempt.orderId)).status, 'CANCELLED');
      assert.equal(await eventsOf(attempt.orderId), 2);
    });

    test('an unknown PG is 404; Inicis sends no webhooks, so a call claiming to be one is refused', async () => {
      const unknown = await sandbox.app.request('/api/v1/webhooks/payments/paypal', { body: {} });
      assert.equal(unknown.status, 404);
      assert.equal(((await unknown.json()) as { code: string }).code, 'PAYMENT_WEBHOOK_UNKNOWN_PG');
      const inicis = await sandbox.app.request('/api/v1/webhooks/payments/inicis', { body: { tid: 'x' } });
      assert.equal(inicis.status, 400);
      assert.equal(((await inicis.json()) as { code: string }).code, 'PAYMENT_WEBHOOK_REJECTED');
    });
  });
});
