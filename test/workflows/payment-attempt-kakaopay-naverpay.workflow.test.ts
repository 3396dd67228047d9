import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { WorkflowFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { ApplicationFailure } from '@temporalio/activity';
import { Worker } from '@temporalio/worker';
import type { PgProvider } from '../../domain/payment';
import { TypeOrmPointsLedger } from '../../persistence/payment/typeorm-points.ledger';
import { uuidv7 } from '../../platform/ids';
import { useKakaoPayWindow } from '../../simulators/pg/kakaopay/kakaopay-sandbox-buyer';
import { useNaverPayWindow } from '../../simulators/pg/naverpay/naverpay-sandbox-buyer';
import { openPaymentSandbox, type PaymentSandbox } from '../support/payment-sandbox';
import { createTimeSkippingEnvironment } from '../support/temporal';
import {
  PAYMENT_TASK_QUEUE,
  paymentAttemptWorkflowId,
  type PaymentAttemptInput,
  type PaymentAttemptResult,
} from '../../workflows/payment/payment.messages';

type Pg = Extract<PgProvider, 'KAKAOPAY' | 'NAVERPAY'>;
const PGS: Array<{ provider: Pg; slug: string; label: string }> = [
  { provider: 'KAKAOPAY', slug: 'kakaopay', label: '카카오페이' },
  { provider: 'NAVERPAY', slug: 'naverpay', label: '네이버페이' },
];

describe('paymentAttemptWorkflow with KakaoPay and NaverPay (time-skipping server, real MariaDB, the PG simulator)', () => {
  let env: TestWorkflowEnvironment;
  let sandbox: PaymentSandbox;
  let points: TypeOrmPointsLedger;
  const orders: string[] = [];

  before(async () => {
    env = await createTimeSkippingEnvironment();
    sandbox = await openPaymentSandbox(env);
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
      await ds.query(`DELETE FROM points_holds WHERE order_id IN (${marks})`, orders);
      await ds.query(
        `DELETE FROM dead_letters WHERE ${orders.map(() => 'reference LIKE ?').join(' OR ')}`,
        orders.map((o) => `payment:${o}:%`),
      );
    }
    await sandbox?.close();
    await env?.teardown();
  });

  async function buyerWithPoints(amount: number): Promise<string> {
    const userId = uuidv7();
    if (amount > 0) await points.earn(userId, amount, `event:welcome:${userId}`);
    return userId;
  }

  /**
   * What the order flow does: prepare the checkout, send the buyer to the PG's window (reached
   * through the shop's own address), read the browser's return with parseReturn, start the attempt.
   */
  async function paidInWindow(
    pg: (typeof PGS)[number],
    total: number,
    extra: Partial<PaymentAttemptInput> = {},
  ) {
    const orderId = uuidv7();
    orders.push(orderId);
    const pointsAmount = extra.pointsAmount ?? 0;
    const gateway = sandbox.gateways.gateway(pg.provider);
    const returnUrl = `${sandbox.baseUrl}/api/v1/payments/return/${pg.slug}/${orderId}`;
    const checkout = await gateway.prepareCheckout({
      orderId,
      orderName: '무선 키보드 외 1건',
      amount: total - pointsAmount,
      method: pg.provider,
      successUrl: `${returnUrl}/success`,
      failUrl: `${returnUrl}/fail`,
      cancelUrl: `${returnUrl}/cancel`,
      customerKey: uuidv7(),
    });
    assert.ok(checkout.kind === 'ready' && checkout.checkoutUrl, JSON.stringify(checkout));
    assert.ok(
      checkout.checkoutUrl.startsWith(`${sandbox.baseUrl}/sandbox/${pg.slug}/`),
      'the window is on the shop',
    );
    const useWindow = pg.provider === 'KAKAOPAY' ? useKakaoPayWindow : useNaverPayWindow;
    const window = await useWindow(checkout.checkoutUrl, 'approve');
    assert.ok(window.location.startsWith(`${returnUrl}/success?`));
    const parsed = gateway.parseReturn({
      orderId,
      outcome: 'success',
      params: window.params,
      pgReference: checkout.pgReference,
    });
    assert.ok(parsed.kind === 'authenticated', JSON.stringify(parsed));
    const input: PaymentAttemptInput = {
      orderId,
      attempt: 1,
      userId: uuidv7(),
      method: pg.provider,
      provider: pg.provider,
      totalAmount: total,
      pointsAmount,
      pgReturn: parsed.pgReturn,
      pgReference: checkout.pgReference,
      orderNumber: `JT-${orderId.slice(-6)}`,
      orderName: '무선 키보드 외 1건',
      ...extra,
    };
    return input;
  }

  function run(input: PaymentAttemptInput, taskQueue = PAYMENT_TASK_QUEUE): Promise<PaymentAttemptResult> {
    return env.client.workflow.execute('paymentAttemptWorkflow', {
      taskQueue,
      workflowId: paymentAttemptWorkflowId(input.orderId, input.attempt),
      args: [input],
    });
  }

  async function row(orderId: string) {
    const [found] = (await sandbox.app.dataSource.query(
      'SELECT * FROM payments WHERE order_id = ? AND attempt = 1',
      [orderId],
    )) as Array<Record<string, unknown>>;
    return found;
  }

  /** Approve calls the PG received for this attempt. */
  function approveCalls(input: PaymentAttemptInput): number {
    const state = sandbox.simulator.state;
    if (input.provider === 'KAKAOPAY')
      return state.kakaopay.calls.filter((c) => c.operation === 'approve' && c.tid === input.pgReference)
        .length;
    return state.naverpay.calls.filter(
      (c) => c.operation === 'approve' && c.fields?.paymentId === input.pgReturn!.token,
    ).length;
  }

  /** The PG's own record of the attempt's payment. */
  function atPg(input: PaymentAttemptInput): string | undefined {
    const state = sandbox.simulator.state;
    return input.provider === 'KAKAOPAY'
      ? state.kakaopay.payments.get(input.pgReference!)?.status
      : state.naverpay.payments.get(input.pgReturn!.token)?.status;
  }

  const faults = (pg: (typeof PGS)[number], knobs: Record<string, unknown>) =>
    sandbox.faults({ pg: pg.slug, ...knobs });

  for (const pg of PGS) {
    describe(pg.provider, () => {
      test('approved with points: one approve, the row keeps the PG id and raw answer, points captured, the buyer is told', async () => {
        const userId = await buyerWithPoints(3_000);
        const input = await paidInWindow(pg, 23_000, { userId, pointsAmount: 3_000 });
        const result = await run(input);
        assert.ok(result.status === 'PAID', JSON.stringify(result));
        assert.equal(result.pgAmount, 20_000);
        assert.equal(result.recoveredByLookup, false);
        const stored = await row(input.orderId);
        assert.equal(stored!.status, 'APPROVED');
        const pgId = pg.provider === 'KAKAOPAY' ? input.pgReference : input.pgReturn!.token;
        assert.equal(stored!.pg_transaction_id, pgId);
        assert.equal(Number(stored!.pg_amount), 20_000);
        assert.ok(String(stored!.raw_response).length > 2, 'the raw PG answer is stored');
        assert.equal(approveCalls(input), 1);
        assert.deepEqual(await points.balance(userId), { userId, available: 0, held: 0 });
        const notice = sandbox.sent.find((n) => n.dedupeKey === `payment-completed:${input.orderId}`);
        assert.equal(notice?.variables.결제수단, `${pg.label} + 포인트 3,000원`);
        assert.equal(notice?.variables.결제금액, '23,000원');
      });

      test('a decline is final at once: one approve, the held points come back, the buyer is told why', async () => {
        const userId = await buyerWithPoints(2_000);
        const input = await paidInWindow(pg, 12_000, { userId, pointsAmount: 2_000 });
        await faults(pg, { decline: { message: '한도초과로 결제에 실패했습니다.' } });
        const result = await run(input);
        assert.ok(result.status === 'DECLINED', JSON.stringify(result));
        assert.equal(result.message, '한도초과로 결제에 실패했습니다.');
        assert.equal(approveCalls(input), 1);
        assert.deepEqual(await points.balance(userId), { userId, available: 2_000, held: 0 });
        assert.equal((await row(input.orderId))!.status, 'DECLINED');
        const notice = sandbox.sent.find((n) => n.dedupeKey === `payment-failed:${input.orderId}:1`);
        assert.equal(notice?.variables.실패사유, '한도초과로 결제에 실패했습니다.');
      });

      test('a transient PG failure twice, then the third approve pays', async () => {
        const input = await paidInWindow(pg, 15_000);
        await faults(pg, { transient: { times: 2 } });
        const result = await run(input);
        assert.equal(result.status, 'PAID');
        assert.equal(approveCalls(input), 3);
      });

      test('a lost approve answer (connection dropped after approval) is recovered by the look-up, no second approve', async () => {
        const input = await paidInWindow(pg, 8_000);
        await faults(pg, { loseResponse: { mode: 'drop' } });
        const result = await run(input);
        assert.ok(result.status === 'PAID' && result.recoveredByLookup, JSON.stringify(result));
        assert.equal(approveCalls(input), 1);
        assert.equal((await row(input.orderId))!.status, 'APPROVED');
      });

      test('exhausted retries: 4 approves, the attempt is dead-lettered, the points released, nothing left approved', async () => {
        const userId = await buyerWithPoints(1_000);
        const input = await paidInWindow(pg, 11_000, { userId, pointsAmount: 1_000 });
        await faults(pg, { transient: { times: 4 } });
        await assert.rejects(run(input), (error: unknown) => {
          assert.ok(error instanceof WorkflowFailedError);
          assert.equal((error.cause as ApplicationFailure).type, 'PAYMENT_DEAD_LETTERED');
          return true;
        });
        assert.equal(approveCalls(input), 4);
        assert.equal((await row(input.orderId))!.status, 'FAILED');
        assert.deepEqual(await points.balance(userId), { userId, available: 1_000, held: 0 });
        const [letter] = (await sandbox.app.dataSource.query(
          'SELECT attempts, last_error FROM dead_letters WHERE reference = ?',
          [paymentAttemptWorkflowId(input.orderId, 1)],
        )) as Array<{ attempts: number; last_error: string }>;
        assert.equal(Number(letter!.attempts), 4);
        assert.equal(JSON.parse(letter!.last_error).reason, 'RETRIES_EXHAUSTED');
        assert.equal(atPg(input), pg.provider === 'KAKAOPAY' ? 'AUTH_PASSWORD' : 'AUTHENTICATED');
      });
    });
  }

  for (const pg of PGS) {
    test(`${pg.provider} saga: when capturing the points fails after the approval, the PG approval is cancelled (found from the PG return), then the points released`, async () => {
      const userId = await buyerWithPoints(4_000);
      const input = await paidInWindow(pg, 10_000, { userId, pointsAmount: 4_000 });
      const calls: string[] = [];
      const recorded = Object.fromEntries(
        Object.entries(sandbox.activities).map(([name, fn]) => [
          name,
          async (arg: unknown) => {
            calls.push(name);
            if (name === 'capturePoints')
              throw ApplicationFailure.nonRetryable('injected failure after the PG approval', 'INJECTED');
            return (fn as (a: unknown) => Promise<unknown>)(arg);
          },
        ]),
      );
      const taskQueue = `payment-saga-${pg.slug}-${uuidv7()}`;
      const worker = await Worker.create({
        connection: env.nativeConnection,
        taskQueue,
        workflowsPath: require.resolve('../../workflows'),
        activities: recorded,
      });
      const outcome = await worker.runUntil(run(input, taskQueue).catch((error: unknown) => error));
      assert.ok(outcome instanceof WorkflowFailedError, String(outcome));
      assert.deepEqual(calls.slice(-4), [
        'netCancelPgPayment',
        'releasePoints',
        'deadLetterPayment',
        'failPayment',
      ]);
      assert.equal(atPg(input), pg.provider === 'KAKAOPAY' ? 'CANCEL_PAYMENT' : 'APPROVED');
      if (pg.provider === 'NAVERPAY') {
        const found = await sandbox.gateways
          .gateway('NAVERPAY')
          .lookup({ orderId: input.orderId, pgTransactionId: input.pgReturn!.token });
        assert.ok(found.kind === 'found' && found.payment.status === 'CANCELED');
      }
      assert.equal((await row(input.orderId))!.status, 'CANCELLED');
      assert.deepEqual(await points.balance(userId), { userId, available: 4_000, held: 0 });
    });
  }
});
