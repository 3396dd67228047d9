import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { CourierSimulator } from '../../simulators/courier/courier.simulator';
import {
  shipPartUpdate,
  submitPaymentUpdate,
  type OrderLifecycleState,
} from '../../workflows/ordering/order-lifecycle.messages';
import { AUTO_CONFIRM_AFTER_MS, SETTLEMENT_HOLD_MS } from '../../workflows/ordering/order-lifecycle.workflow';
import { cardPayment } from '../support/ordering';
import { attemptOutcome } from '../support/payment-outcome';
import { useJourney } from '../support/order-part-workers';
import type { OrderSandbox } from '../support/order-sandbox';
import { PAYMENT_TASK_QUEUE } from '../../workflows/shared/task-queues';

/**
 * The whole order journey with real activities on the time-skipping server: payment through the PG
 * simulator, the Shipment child following the courier simulator, the automatic purchase
 * confirmation 7 days after delivery and the 7-day settlement hold until the lines are payable.
 */
describe('order journey on the time-skipping server (real activities, MariaDB, simulators)', () => {
  let env: TestWorkflowEnvironment;
  let box: OrderSandbox;
  let courier: CourierSimulator;
  useJourney((opened) => ({ env, box, courier } = opened));

  test('paid, shipped, delivered, confirmed automatically after 7 days, payable 7 days after that', async () => {
    const product = await box.product([5], 21_000);
    const order = await box.placeOrder([{ variantId: product.variantIds[0]!, quantity: 2 }]);
    const handle = box.workflow(order.id);
    const pgReturn = await box.buyerPays(order.id, order.payableAmount);
    const attempt = await handle.executeUpdate(submitPaymentUpdate, { args: [{ pgReturn }] });
    assert.equal((await attemptOutcome(env, order.id, attempt.attempt)).status, 'PAID');

    const waitStatus = async (status: string) => {
      for (let i = 0; i < 300; i++) {
        if ((await box.orderStatus(order.id)).status === status) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      assert.fail(`order never reached ${status}`);
    };
    await waitStatus('PAID');
    await handle.executeUpdate(shipPartUpdate, {
      args: [
        { actorId: box.seller.id, sellerId: box.seller.id, courier: 'CJ', invoiceNumber: '601234567890' },
      ],
    });
    // Registration reaches the simulator, then the parcel is carried to the door (level 6).
    for (
      let i = 0;
      i < 200 && ![...courier.state.parcels.values()].some((p) => p.invoice === '601234567890');
      i++
    )
      await new Promise((r) => setTimeout(r, 50));
    courier.advance('04', '601234567890', 6);
    await waitStatus('DELIVERED');

    // Nobody confirms: the workflow's timers (7 days, then 7 more) pass on the time-skipping server.
    const final = (await handle.result()) as OrderLifecycleState;
    assert.equal(final.status, 'PURCHASE_CONFIRMED');
    assert.deepEqual(
      final.parts.map((p) => p.payable),
      [true],
    );
    const stored = await box.orderStatus(order.id);
    assert.deepEqual(stored.history, ['PLACE', 'MARK_PAID', 'SHIP', 'DELIVER', 'CONFIRM_PURCHASE']);
    assert.ok(box.sent.some((n) => n.orderId === order.id && n.templateCode === 'PURCHASE_AUTO_CONFIRMED'));

    const lines = (await box.app.dataSource.query(
      "SELECT order_line_id, amount, payable_at, seller_id, kind FROM payable_lines WHERE order_id = ? ORDER BY kind = 'SALE' DESC",
      [order.id],
    )) as Array<{ order_line_id: string; amount: number; payable_at: Date; seller_id: string; kind: string }>;
    // 42,000원 is under the platform default's free-shipping threshold: the 3,000원 fee goes to the seller.
    assert.deepEqual(
      lines.map((line) => [line.kind, Number(line.amount)]),
      [
        ['SALE', 42_000],
        ['SHIPPING_FEE', 3_000],
      ],
    );
    assert.equal(lines[0]!.seller_id, box.seller.id);
    const [confirmed] = (await box.app.dataSource.query(
      "SELECT at FROM order_history WHERE order_id = ? AND command = 'CONFIRM_PURCHASE'",
      [order.id],
    )) as Array<{ at: Date }>;
    assert.equal(
      new Date(lines[0]!.payable_at).getTime() - new Date(confirmed!.at).getTime(),
      SETTLEMENT_HOLD_MS,
    );
    const [delivered] = (await box.app.dataSource.query(
      "SELECT at FROM order_history WHERE order_id = ? AND command = 'DELIVER'",
      [order.id],
    )) as Array<{ at: Date }>;
    assert.ok(new Date(confirmed!.at).getTime() - new Date(delivered!.at).getTime() >= AUTO_CONFIRM_AFTER_MS);
    await pointsEarnedThenExpired(order.id, order.payableAmount, new Date(confirmed!.at).getTime());
  });

  /**
   * 1 % of what was paid by card, earned at confirmation; 100 of it spent on the next order (points +
   * card); the rest gone 365 days after the confirmation with an EXPIRE row.
   */
  async function pointsEarnedThenExpired(orderId: string, paid: number, confirmedAtMs: number) {
    const earn = Math.floor(paid / 100);
    const rows = async () =>
      (await box.app.dataSource.query(
        'SELECT l.type, l.amount, l.reference, t.expires_at FROM points_ledger l LEFT JOIN points_lots t ON t.id = l.id WHERE l.user_id = ? ORDER BY l.id',
        [box.consumer.id],
      )) as Array<{ type: string; amount: number | string; reference: string; expires_at: Date | null }>;
    const [earned] = await rows();
    assert.deepEqual(
      [earned?.type, Number(earned?.amount), earned?.reference],
      ['EARN', earn, `earn:${orderId}:${box.seller.id}`],
    );
    assert.equal(new Date(earned!.expires_at!).getTime(), confirmedAtMs + 365 * 24 * 3600_000);
    const product = await box.product([1], 9_000);
    const next = await box.placeOrder([{ variantId: product.variantIds[0]!, quantity: 1 }], {
      ...cardPayment,
      points: 100,
    });
    const pgReturn = await box.buyerPays(next.id, next.payableAmount);
    const attempt = await box.workflow(next.id).executeUpdate(submitPaymentUpdate, { args: [{ pgReturn }] });
    await attemptOutcome(env, next.id, attempt.attempt);
    await env.sleep(365 * 24 * 3600_000);
    await env.client.workflow.execute('pointsExpiryWorkflow', {
      taskQueue: PAYMENT_TASK_QUEUE,
      workflowId: `points-expiry-test-${orderId}`,
      args: [{ userId: box.consumer.id }],
    });
    assert.deepEqual(
      (await rows()).map((r) => [r.type, Number(r.amount)]),
      [
        ['EARN', earn],
        ['HOLD', 100],
        ['CAPTURE', 100],
        ['EXPIRE', earn - 100],
      ],
    );
    const [account] = (await box.app.dataSource.query(
      'SELECT available FROM points_accounts WHERE user_id = ?',
      [box.consumer.id],
    )) as Array<{ available: number | string }>;
    assert.equal(Number(account!.available), 0, 'the balance is the sum of the ledger');
  }
});
