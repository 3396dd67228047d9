import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { temporal } from '@temporalio/proto';
import { eventually } from '../support/eventually';
import { openJourney, type Journey } from '../support/journey';

/**
 * A rolling deploy stops a worker with SIGTERM while it holds a PG call: the call must finish on
 * that worker (no retry elsewhere, no second PG confirm), and the process exit 0 within
 * SHUTDOWN_GRACE_SECONDS (docs/deployment.md#draining-on-sigterm).
 */
describe('worker drain on SIGTERM (dev server, worker process, PG simulator)', () => {
  let shop: Journey;

  before(async () => {
    shop = await openJourney();
  });

  after(async () => {
    await shop?.close();
  });

  test('SIGTERM during the PG confirm call: the call completes, the payment is recorded, exit 0', async () => {
    const product = await shop.product([2], 21_000);
    const order = await shop.placeOrder(product.variantIds[0]!, 1);
    await shop.pgFaults({ latencyMs: 3_000 });
    const paying = shop.payInWindow(order);
    const attempt = shop.env.client.workflow.getHandle(`order:${order.id}`);
    const confirmStarted = async () => {
      const pending = await attempt.describe().then(
        (described) => described.raw.pendingActivities ?? [],
        () => [],
      );
      return pending.find(
        (activity) =>
          activity.activityType?.name === 'confirmPgPayment' &&
          activity.state === temporal.api.enums.v1.PendingActivityState.PENDING_ACTIVITY_STATE_STARTED,
      );
    };
    await eventually(async () => Boolean(await confirmStarted()), {
      what: 'the PG confirm call in flight',
      timeoutMs: 30_000,
    });
    const worker = shop.worker;
    const exited = new Promise<number | null>((resolve) =>
      worker.child.once('exit', (code) => resolve(code)),
    );
    const signalled = Date.now();
    worker.child.kill('SIGTERM');
    const code = await exited;
    const tookMs = Date.now() - signalled;
    assert.equal(code, 0, worker.output.join('').slice(-2000));
    assert.ok(tookMs < 30_000, `exited ${tookMs} ms after SIGTERM (grace 30 s)`);
    assert.ok(tookMs >= 1_000, `exited after ${tookMs} ms: it did not wait for the slowed PG call`);
    assert.equal(await confirmStarted(), undefined, 'no confirm call left pending for another worker');

    const payments = (await shop.app.dataSource.query('SELECT status FROM payments WHERE order_id = ?', [
      order.id,
    ])) as Array<{ status: string }>;
    const confirms = shop.pg.state.toss.calls.filter(
      (call) => call.operation === 'confirm' && call.idempotencyKey?.includes(order.id),
    );
    assert.equal(confirms.length, 1, 'the PG was asked to confirm once');
    assert.equal([...shop.pg.state.toss.payments.values()].filter((p) => p.orderId === order.id).length, 1);

    await shop.pgFaults({ latencyMs: 0 });
    await shop.restartWorker({ kill: false });
    await shop.until(order.id, 'PAID', 30_000);
    await paying;
    const after = (await shop.app.dataSource.query('SELECT status FROM payments WHERE order_id = ?', [
      order.id,
    ])) as Array<{ status: string }>;
    assert.deepEqual(
      after.map((p) => p.status),
      ['APPROVED'],
      `one payment, approved (before the restart: ${JSON.stringify(payments)})`,
    );
    assert.equal(
      shop.pg.state.toss.calls.filter(
        (call) => call.operation === 'confirm' && call.idempotencyKey?.includes(order.id),
      ).length,
      1,
      'the restarted worker did not call the PG again',
    );
  });
});
