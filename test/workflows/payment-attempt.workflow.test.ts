import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { WorkflowFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { ApplicationFailure } from '@temporalio/activity';
import { CancelledFailure } from '@temporalio/common';
import { Worker } from '@temporalio/worker';
import { TypeOrmPointsLedger } from '../../persistence/payment/typeorm-points.ledger';
import { uuidv7 } from '../../platform/ids';
import { createAdmin, type TestAccount } from '../support/identity';
import { openPaymentSandbox, type PaymentSandbox } from '../support/payment-sandbox';
import { createTimeSkippingEnvironment } from '../support/temporal';
import {
  PAYMENT_TASK_QUEUE,
  paymentAttemptWorkflowId,
  type PaymentAttemptInput,
  type PaymentAttemptResult,
} from '../../workflows/payment/payment.messages';

describe('paymentAttemptWorkflow (time-skipping server, real MariaDB, the PG simulator for Toss)', () => {
  let env: TestWorkflowEnvironment;
  let sandbox: PaymentSandbox;
  let points: TypeOrmPointsLedger;
  let admin: TestAccount;
  const orders: string[] = [];

  before(async () => {
    env = await createTimeSkippingEnvironment();
    sandbox = await openPaymentSandbox(env, { tossTimeoutMs: 1_000 });
    points = new TypeOrmPointsLedger({
      dataSource: sandbox.app.dataSource,
      newId: uuidv7,
      now: () => new Date(),
    });
    admin = await createAdmin(sandbox.app);
  });

  after(async () => {
    const ds = sandbox?.app.dataSource;
    if (ds && orders.length) {
      const marks = orders.map(() => '?').join(', ');
      await ds.query(`DELETE FROM payments WHERE order_id IN (${marks})`, orders);
      await ds.query(`DELETE FROM payment_events WHERE order_id IN (${marks})`, orders);
      await ds.query(`DELETE FROM points_holds WHERE order_id IN (${marks})`, orders);
      await ds.query(
        `DELETE FROM dead_letters WHERE reference LIKE 'payment:%' AND (${orders.map(() => 'reference LIKE ?').join(' OR ')})`,
        orders.map((o) => `payment:${o}:%`),
      );
    }
    await sandbox?.close();
    await env?.teardown();
  });

  const newOrder = () => {
    const orderId = uuidv7();
    orders.push(orderId);
    return orderId;
  };

  async function buyerWithPoints(amount: number): Promise<string> {
    const userId = uuidv7();
    if (amount > 0) await points.earn(userId, amount, `event:welcome:${userId}`);
    return userId;
  }

  async function cardInput(
    total: number,
    extra: Partial<PaymentAttemptInput> = {},
  ): Promise<PaymentAttemptInput> {
    const orderId = extra.orderId ?? newOrder();
    const pointsAmount = extra.pointsAmount ?? 0;
    const pgReturn = await sandbox.buyerPays(orderId, total - pointsAmount);
    return {
      orderId,
      attempt: 1,
      userId: uuidv7(),
      method: 'CARD',
      provider: 'TOSS',
      totalAmount: total,
      pointsAmount,
      pgReturn,
      orderNumber: `JT-${orderId.slice(-6)}`,
      orderName: '무선 키보드 외 1건',
      ...extra,
    };
  }

  function run(input: PaymentAttemptInput, taskQueue = PAYMENT_TASK_QUEUE): Promise<PaymentAttemptResult> {
    return env.client.workflow.execute('paymentAttemptWorkflow', {
      taskQueue,
      workflowId: paymentAttemptWorkflowId(input.orderId, input.attempt),
      args: [input],
    });
  }

  async function row(orderId: string, attempt = 1) {
    const [found] = (await sandbox.app.dataSource.query(
      'SELECT * FROM payments WHERE order_id = ? AND attempt = ?',
      [orderId, attempt],
    )) as Array<Record<string, unknown>>;
    return found;
  }

  const confirmCalls = (orderId: string) =>
    sandbox.simulator.state.toss.calls.filter(
      (c) => c.operation === 'confirm' && c.idempotencyKey?.startsWith(`confirm:${orderId}:`),
    );
  const ledgerTypes = async (userId: string) =>
    (await points.entries(userId, { limit: 20 })).items.map((e) => e.type).reverse();

  test('workflow ids come from the order and the attempt number', () => {
    assert.equal(paymentAttemptWorkflowId('order-1', 2), 'payment:order-1:2');
  });

  test('a card payment is approved: the row keeps the PG transaction id and raw answer, the buyer is told', async () => {
    const input = await cardInput(39_000);
    const result = await run(input);
    assert.equal(result.status, 'PAID');
    assert.equal(result.status === 'PAID' && result.recoveredByLookup, false);
    const stored = await row(input.orderId);
    assert.equal(stored!.status, 'APPROVED');
    assert.equal(stored!.pg_transaction_id, input.pgReturn!.token);
    assert.equal(Number(stored!.pg_amount), 39_000);
    assert.equal(JSON.parse(stored!.raw_response as string).status, 'DONE');
    assert.equal(confirmCalls(input.orderId).length, 1);
    const notice = sandbox.sent.find((n) => n.dedupeKey === `payment-completed:${input.orderId}`);
    assert.equal(notice?.templateCode, 'PAYMENT_COMPLETED');
    assert.equal(notice?.variables.결제금액, '39,000원');
    assert.equal(notice?.variables.결제수단, '카드');
  });

  test('a decline is final at once: one PG call, the held points come back, the buyer is told why', async () => {
    const userId = await buyerWithPoints(5_000);
    const input = await cardInput(20_000, { userId, pointsAmount: 3_000 });
    await sandbox.faults({
      decline: { code: 'REJECT_CARD_PAYMENT', message: '한도초과 혹은 잔액부족으로 결제에 실패했습니다.' },
    });
    const result = await run(input);
    assert.equal(result.status, 'DECLINED');
    assert.equal(result.status === 'DECLINED' && result.code, 'REJECT_CARD_PAYMENT');
    assert.equal(confirmCalls(input.orderId).length, 1);
    assert.deepEqual(await points.balance(userId), { userId, available: 5_000, held: 0 });
    assert.deepEqual(await ledgerTypes(userId), ['EARN', 'HOLD', 'RELEASE']);
    assert.equal((await row(input.orderId))!.status, 'DECLINED');
    const notice = sandbox.sent.find((n) => n.dedupeKey === `payment-failed:${input.orderId}:1`);
    assert.equal(notice?.variables.실패사유, '한도초과 혹은 잔액부족으로 결제에 실패했습니다.');
  });

  test('a transient PG failure is retried with the same idempotency key, then approved', async () => {
    const input = await cardInput(15_000);
    await sandbox.faults({ transient: { times: 2 } });
    const result = await run(input);
    assert.equal(result.status, 'PAID');
    const calls = confirmCalls(input.orderId);
    assert.equal(calls.length, 3);
    assert.deepEqual(new Set(calls.map((c) => c.idempotencyKey)), new Set([`confirm:${input.orderId}:1`]));
  });

  test('a confirm that times out is not repeated blindly: the look-up finds the approval', async () => {
    const input = await cardInput(12_000);
    await sandbox.faults({ timeout: { hangMs: 3_000 } });
    const result = await run(input);
    assert.equal(result.status, 'PAID');
    assert.equal(result.status === 'PAID' && result.recoveredByLookup, true);
    assert.equal(confirmCalls(input.orderId).length, 1);
    assert.equal((await row(input.orderId))!.status, 'APPROVED');
  });

  test('a lost confirm answer (connection dropped after approval) is recovered by the look-up', async () => {
    const input = await cardInput(8_000);
    await sandbox.faults({ loseResponse: { mode: 'drop' } });
    const result = await run(input);
    assert.equal(result.status, 'PAID');
    assert.equal(result.status === 'PAID' && result.recoveredByLookup, true);
    assert.equal(confirmCalls(input.orderId).length, 1);
  });

  test('exhausted retries park the attempt (dead letter, metric, failed row); the admin retry starts attempt 2, which pays', async () => {
    const userId = await buyerWithPoints(2_000);
    const input = await cardInput(11_000, { userId, pointsAmount: 1_000 });
    await sandbox.faults({ transient: { times: 4 } });
    await assert.rejects(run(input), (error: unknown) => {
      assert.ok(error instanceof WorkflowFailedError);
      assert.equal((error.cause as ApplicationFailure).type, 'PAYMENT_DEAD_LETTERED');
      return true;
    });
    assert.equal(confirmCalls(input.orderId).length, 4);
    assert.equal((await row(input.orderId))!.status, 'FAILED');
    assert.deepEqual(await points.balance(userId), { userId, available: 2_000, held: 0 });
    const metric = await sandbox.metrics.deadLetters.get();
    assert.equal(metric.values.find((v) => v.labels.kind === 'payment')?.value, 1);

    const listed = await sandbox.app.request('/api/v1/admin/dead-letters?kind=payment&status=OPEN&size=100', {
      headers: admin.auth,
    });
    const letters = (
      (await listed.json()) as {
        items: Array<{
          id: string;
          reference: string;
          workflowId: string;
          runId: string;
          attempts: number;
          lastError: { code: string; reason: string };
          input: PaymentAttemptInput;
        }>;
      }
    ).items;
    const letter = letters.find((l) => l.reference === paymentAttemptWorkflowId(input.orderId, 1));
    assert.ok(letter, 'the dead letter is listed');
    assert.equal(letter.workflowId, paymentAttemptWorkflowId(input.orderId, 1));
    assert.ok(letter.runId);
    assert.equal(letter.attempts, 4);
    assert.equal(letter.lastError.reason, 'RETRIES_EXHAUSTED');
    assert.equal(letter.input.pgReturn?.token, input.pgReturn!.token);

    const retried = await sandbox.app.request(`/api/v1/admin/dead-letters/${letter.id}/retry`, {
      method: 'POST',
      headers: admin.auth,
    });
    assert.equal(retried.status, 202);
    const body = (await retried.json()) as { status: string; retry: { workflowId: string; attempt: number } };
    assert.deepEqual(body.retry, { workflowId: paymentAttemptWorkflowId(input.orderId, 2), attempt: 2 });
    assert.equal(body.status, 'RETRIED');
    const again = await sandbox.app.request(`/api/v1/admin/dead-letters/${letter.id}/retry`, {
      method: 'POST',
      headers: admin.auth,
    });
    assert.equal(again.status, 202, 'a repeated retry is accepted');
    assert.deepEqual(
      ((await again.json()) as { retry: unknown }).retry,
      body.retry,
      'and starts nothing new',
    );

    const second = await env.client.workflow
      .getHandle<() => Promise<PaymentAttemptResult>>(body.retry.workflowId)
      .result();
    assert.equal(second.status, 'PAID');
    assert.equal((await row(input.orderId, 2))!.status, 'APPROVED');
    assert.deepEqual(await points.balance(userId), { userId, available: 1_000, held: 0 });
    assert.deepEqual(await ledgerTypes(userId), ['EARN', 'HOLD', 'RELEASE', 'HOLD', 'CAPTURE']);
  });

  /** A bank-transfer order whose buyer picks 가상계좌 in Toss's window: Toss issues an account to pay into. */
  async function virtualAccountAttempt(total: number) {
    const orderId = newOrder();
    const pgReturn = await sandbox.buyerPays(orderId, total, {
      method: 'BANK_TRANSFER',
      choices: { method: 'VIRTUAL_ACCOUNT' },
    });
    const input: PaymentAttemptInput = {
      orderId,
      attempt: 1,
      userId: uuidv7(),
      method: 'BANK_TRANSFER',
      provider: 'TOSS',
      totalAmount: total,
      pointsAmount: 0,
      pgReturn,
      orderNumber: `JT-${orderId.slice(-6)}`,
      orderName: '무선 키보드 외 1건',
    };
    const handle = await env.client.workflow.start('paymentAttemptWorkflow', {
      taskQueue: PAYMENT_TASK_QUEUE,
      workflowId: paymentAttemptWorkflowId(orderId, 1),
      args: [input],
    });
    const pgPayment = () => sandbox.simulator.state.toss.payments.get(pgReturn.token);
    // Real time only: the time-skipping server does not move its clock until a result is awaited.
    for (let i = 0; pgPayment()?.status !== 'WAITING_FOR_DEPOSIT'; i++) {
      if (i > 200) throw new Error('Toss never issued the virtual account');
      await new Promise((r) => setTimeout(r, 25));
    }
    return { input, handle, pgPayment };
  }

  test("a virtual account waits for the deposit; the PG's deposit callback pays the attempt", async () => {
    const { input, handle, pgPayment } = await virtualAccountAttempt(45_000);
    assert.equal((await row(input.orderId))!.status === 'APPROVED', false);
    const deposit = await fetch(`${sandbox.simulatorUrl}/__sim/toss/deposits`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ orderId: input.orderId }),
    });
    assert.equal(deposit.status, 200);
    const result = (await handle.result()) as PaymentAttemptResult;
    assert.equal(result.status, 'PAID');
    assert.equal(pgPayment()!.status, 'DONE');
    const stored = await row(input.orderId);
    assert.equal(stored!.status, 'APPROVED');
    assert.equal(Number(stored!.pg_amount), 45_000);
    assert.equal(confirmCalls(input.orderId).length, 1);
    const notice = sandbox.sent.find((n) => n.dedupeKey === `payment-completed:${input.orderId}`);
    assert.equal(notice?.variables.결제금액, '45,000원');
  });

  test('a virtual account nobody pays into is given up after 72 hours: the account is cancelled at the PG and the buyer told', async () => {
    const { input, handle, pgPayment } = await virtualAccountAttempt(18_000);
    const lookupsBefore = sandbox.simulator.state.toss.calls.filter((c) => c.operation === 'lookup').length;
    const result = (await handle.result()) as PaymentAttemptResult;
    assert.equal(result.status, 'DECLINED');
    assert.equal(result.status === 'DECLINED' && result.code, 'PG_DEPOSIT_NOT_MADE');
    // Asked hourly while waiting (the deposit webhook may be lost), then the account is closed.
    const lookups =
      sandbox.simulator.state.toss.calls.filter((c) => c.operation === 'lookup').length - lookupsBefore;
    assert.ok(lookups >= 72, `${lookups} look-ups in 72 hours`);
    assert.equal(pgPayment()!.status, 'CANCELED');
    assert.equal((await row(input.orderId))!.status, 'CANCELLED');
    const notice = sandbox.sent.find((n) => n.dedupeKey === `payment-failed:${input.orderId}:1`);
    assert.equal(notice?.templateCode, 'PAYMENT_FAILED');
  });

  test('points cover a whole order without any PG call', async () => {
    const userId = await buyerWithPoints(10_000);
    const orderId = newOrder();
    const result = await run({
      orderId,
      attempt: 1,
      userId,
      method: 'POINTS',
      totalAmount: 7_000,
      pointsAmount: 7_000,
    });
    assert.equal(result.status, 'PAID');
    assert.equal(confirmCalls(orderId).length, 0);
    assert.deepEqual(await points.balance(userId), { userId, available: 3_000, held: 0 });
    assert.equal((await row(orderId))!.status, 'APPROVED');
  });

  test('the amount comes from the order: a browser amount that differs is refused without calling the PG', async () => {
    const input = await cardInput(9_000);
    const result = await run({ ...input, pgReturn: { ...input.pgReturn!, amount: 100 } });
    assert.equal(result.status === 'DECLINED' && result.code, 'PAYMENT_AMOUNT_MISMATCH');
    assert.equal(confirmCalls(input.orderId).length, 0);
  });

  test('saga: when capturing the points fails after the approval, the approval is cancelled, then the points released (reverse order)', async () => {
    const userId = await buyerWithPoints(4_000);
    const input = await cardInput(10_000, { userId, pointsAmount: 4_000 });
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
    const taskQueue = `payment-saga-${uuidv7()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('../../workflows'),
      activities: recorded,
    });
    const result = await worker.runUntil(run(input, taskQueue).catch((error: unknown) => error));
    assert.ok(result instanceof WorkflowFailedError, 'the attempt fails');
    assert.deepEqual(calls, [
      'beginPaymentAttempt',
      'holdPoints',
      'confirmPgPayment',
      'capturePoints',
      'netCancelPgPayment',
      'releasePoints',
      'deadLetterPayment',
      'failPayment',
    ]);
    assert.deepEqual(await points.balance(userId), { userId, available: 4_000, held: 0 });
    const atPg = sandbox.simulator.state.toss.payments.get(input.pgReturn!.token);
    assert.equal(atPg?.status, 'CANCELED');
    assert.equal((await row(input.orderId))!.status, 'CANCELLED');
  });

  test('the 10-minute budget runs on the workflow clock: a PG that keeps asking for a 5-minute pause is given up at 10 minutes', async () => {
    const input = await cardInput(5_000);
    let confirms = 0;
    const taskQueue = `payment-budget-${uuidv7()}`;
    const activities = {
      ...sandbox.activities,
      // A PG answering 429 with Retry-After: 300 (the Toss adapter passes such waits as retryAfterMs).
      confirmPgPayment: async () => {
        confirms += 1;
        return {
          kind: 'retryable',
          code: 'TOO_MANY_REQUESTS',
          message: 'try again in 5 minutes',
          retryAfterMs: 300_000,
        };
      },
    };
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('../../workflows'),
      activities,
    });
    const startedAt = Date.now();
    const result = await worker.runUntil(run(input, taskQueue).catch((error: unknown) => error));
    assert.ok(result instanceof WorkflowFailedError);
    assert.ok(Date.now() - startedAt < 20_000, 'the timers were skipped, not waited out');
    assert.equal(confirms, 2, 'at 0 and 5 minutes; a third call would pass the 10-minute budget');
    const described = await env.client.workflow
      .getHandle(paymentAttemptWorkflowId(input.orderId, 1))
      .describe();
    assert.ok(
      described.closeTime!.getTime() - described.startTime.getTime() >= 5 * 60_000,
      'workflow time passed',
    );
    const [letter] = (await sandbox.app.dataSource.query(
      'SELECT last_error FROM dead_letters WHERE reference = ?',
      [paymentAttemptWorkflowId(input.orderId, 1)],
    )) as Array<{ last_error: string }>;
    assert.equal(JSON.parse(letter!.last_error).reason, 'TIME_BUDGET_EXHAUSTED');
    assert.equal((await row(input.orderId))!.status, 'FAILED');
  });

  test('cancelling the workflow while it waits to retry releases the points (compensation survives the cancel)', async () => {
    const userId = await buyerWithPoints(3_000);
    const input = await cardInput(6_000, { userId, pointsAmount: 2_000 });
    await sandbox.faults({ transient: { times: 1 } });
    const handle = await env.client.workflow.start('paymentAttemptWorkflow', {
      taskQueue: PAYMENT_TASK_QUEUE,
      workflowId: paymentAttemptWorkflowId(input.orderId, 1),
      args: [input],
    });
    for (let i = 0; i < 100 && confirmCalls(input.orderId).length === 0; i++)
      await new Promise((r) => setTimeout(r, 50));
    await handle.cancel();
    await assert.rejects(
      handle.result(),
      (error) => error instanceof WorkflowFailedError && error.cause instanceof CancelledFailure,
    );
    assert.deepEqual(await points.balance(userId), { userId, available: 3_000, held: 0 });
  });
});
