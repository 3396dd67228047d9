import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { uuidv7 } from '../../platform/ids';
import { openPaymentSandbox, type PaymentSandbox } from '../support/payment-sandbox';
import { until } from '../support/eventually';
import { createTimeSkippingEnvironment } from '../support/temporal';

describe('Toss payment webhooks: verified by asking Toss again, applied once, only forward', () => {
  let env: TestWorkflowEnvironment;
  let sandbox: PaymentSandbox;
  const orders: string[] = [];

  before(async () => {
    env = await createTimeSkippingEnvironment();
    sandbox = await openPaymentSandbox(env);
  });

  after(async () => {
    const ds = sandbox?.app.dataSource;
    for (const orderId of orders) {
      await ds?.query('DELETE FROM payments WHERE order_id = ?', [orderId]);
      await ds?.query('DELETE FROM payment_events WHERE order_id = ?', [orderId]);
    }
    await sandbox?.close();
    await env?.teardown();
  });

  async function paidOrder() {
    const orderId = uuidv7();
    orders.push(orderId);
    const { result, pgReturn } = await sandbox.payFirstAttempt(orderId, 25_000);
    assert.equal(result.status, 'PAID');
    return { orderId, paymentKey: pgReturn.token };
  }

  const post = (body: unknown) =>
    sandbox.app.request('/api/v1/webhooks/payments/toss', {
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const row = async (orderId: string) =>
    (
      (await sandbox.app.dataSource.query(
        'SELECT status, updated_at, raw_response FROM payments WHERE order_id = ?',
        [orderId],
      )) as Array<Record<string, unknown>>
    )[0]!;
  const events = async (orderId: string) =>
    (
      (await sandbox.app.dataSource.query(
        'SELECT event_id, pg_status FROM payment_events WHERE order_id = ?',
        [orderId],
      )) as unknown[]
    ).length;

  async function deliveries(orderId: string) {
    const response = await fetch(`${sandbox.simulatorUrl}/__sim/webhooks?pg=toss`);
    const all = (
      (await response.json()) as {
        toss: Array<{ orderId: string; status: string; responseStatus: number | null; body: unknown }>;
      }
    ).toss;
    return all.filter((d) => d.orderId === orderId);
  }

  test('the approval webhook is accepted once; replays of it change nothing', async () => {
    const { orderId } = await paidOrder();
    const [done] = await until(
      () => deliveries(orderId),
      (list) => list.some((d) => d.status === 'DONE' && d.responseStatus === 200),
      { what: 'the DONE webhook', timeoutMs: 5_000 },
    );
    assert.equal(await events(orderId), 1);
    const before = await row(orderId);
    for (let i = 0; i < 2; i++) {
      const replay = await post(done!.body);
      assert.equal(replay.status, 200);
      assert.deepEqual(await replay.json(), { received: true, applied: false, duplicate: true });
    }
    assert.equal(await events(orderId), 1);
    assert.deepEqual(await row(orderId), before);
  });

  test('a cancel at Toss moves the row forward; the late DONE delivered afterwards does not bring it back', async () => {
    const { orderId, paymentKey } = await paidOrder();
    const [done] = await until(
      () => deliveries(orderId),
      (list) => list.some((d) => d.status === 'DONE'),
      { what: 'the DONE webhook', timeoutMs: 5_000 },
    );
    const cancelled = await sandbox.gateways.gateway('TOSS').cancel({
      orderId,
      pgTransactionId: paymentKey,
      reason: '고객 요청',
      idempotencyKey: `cancel:${orderId}:1`,
    });
    assert.equal(cancelled.kind, 'canceled');
    await until(
      () => row(orderId),
      (r) => r.status === 'CANCELLED',
      { what: 'the CANCELLED row', timeoutMs: 5_000 },
    );
    const late = await post(done!.body);
    assert.equal(late.status, 200);
    assert.equal(((await late.json()) as { applied: boolean }).applied, false);
    assert.equal((await row(orderId)).status, 'CANCELLED');
  });

  test('forged callbacks are refused and a forged status for a real payment changes nothing', async () => {
    const { orderId, paymentKey } = await paidOrder();
    await until(
      () => events(orderId),
      (n) => n === 1,
      { what: 'the DONE event', timeoutMs: 5_000 },
    );
    const unknown = await post({
      eventType: 'PAYMENT_STATUS_CHANGED',
      createdAt: '2025-01-01T00:00:00+09:00',
      data: { paymentKey: 'tsim-forged-key', orderId, status: 'DONE' },
    });
    assert.equal(unknown.status, 400);
    assert.equal(((await unknown.json()) as { code: string }).code, 'PAYMENT_WEBHOOK_REJECTED');
    const wrongOrder = await post({
      eventType: 'PAYMENT_STATUS_CHANGED',
      data: { paymentKey, orderId: uuidv7(), status: 'CANCELED' },
    });
    assert.equal(wrongOrder.status, 400);
    const deposit = await post({
      createdAt: '2025-01-01T00:00:00+09:00',
      secret: 'ps_guessed',
      status: 'DONE',
      transactionKey: 'T1',
      orderId,
    });
    assert.equal(deposit.status, 400);
    const malformed = await post('not json');
    assert.equal(malformed.status, 400);

    const before = await row(orderId);
    const lie = await post({
      eventType: 'PAYMENT_STATUS_CHANGED',
      data: { paymentKey, orderId, status: 'CANCELED' },
    });
    assert.equal(
      lie.status,
      200,
      "genuine payment, so it is accepted — but only Toss's own answer (DONE) counts",
    );
    assert.equal(((await lie.json()) as { applied: boolean }).applied, false);
    assert.deepEqual(await row(orderId), before);
  });
});
