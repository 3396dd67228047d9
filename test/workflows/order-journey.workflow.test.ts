import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { loadCourierVendorConfig } from '../../config/courier-vendors';
import { loadSettlementVendorConfig } from '../../config/settlement-vendors';
import { openCourierTracking } from '../../integrations/shipping/courier-vendors';
import { openSettlementVendors } from '../../integrations/settlement/settlement-vendors';
import { sandboxVendors } from '../../sandbox';
import { createLogger } from '../../platform/observability/logger';
import { testContexts } from '../support/contexts';
import { createCourierSimulator, type CourierSimulator } from '../../simulators/courier/courier.simulator';
import {
  shipPartUpdate,
  submitPaymentUpdate,
  type OrderLifecycleState,
} from '../../workflows/ordering/order-lifecycle.messages';
import { AUTO_CONFIRM_AFTER_MS, SETTLEMENT_HOLD_MS } from '../../workflows/ordering/order-lifecycle.workflow';
import { openOrderSandbox, type OrderSandbox } from '../support/order-sandbox';
import { createTimeSkippingEnvironment } from '../support/temporal';

/**
 * The whole order journey with real activities on the time-skipping server: payment through the PG
 * simulator, the Shipment child following the courier simulator, the automatic purchase
 * confirmation 7 days after delivery and the 7-day settlement hold until the lines are payable.
 */
describe('order journey on the time-skipping server (real activities, MariaDB, simulators)', () => {
  let env: TestWorkflowEnvironment;
  let box: OrderSandbox;
  let courier: CourierSimulator;

  before(async () => {
    env = await createTimeSkippingEnvironment();
    box = await openOrderSandbox(env, {
      async extraWorkers(sandbox) {
        courier = createCourierSimulator({ callbackRetryDelaysMs: [200, 400] });
        const courierServer = await courier.start();
        const tracking = await openCourierTracking(
          loadCourierVendorConfig({ COURIER_SIMULATOR_URL: courierServer.url }),
          { publicBaseUrl: sandbox.baseUrl, sandbox: sandboxVendors.courier },
        );
        const vendors = await openSettlementVendors(loadSettlementVendorConfig({}), {
          sandbox: sandboxVendors.settlement,
        });
        const logger = createLogger({ level: 'silent' });
        const workflowsPath = require.resolve('../../workflows');
        const workers = [
          await Worker.create({
            connection: env.nativeConnection,
            taskQueue: 'shipping',
            workflowsPath,
            activities: testContexts(sandbox.app, {
              logger,
              vendors: { courierTracking: tracking },
            }).shipping.activities(),
          }),
          await Worker.create({
            connection: env.nativeConnection,
            taskQueue: 'settlement',
            workflowsPath,
            activities: testContexts(sandbox.app, {
              logger,
              vendors: { settlementVendors: vendors },
            }).settlement.activities(),
          }),
        ];
        return {
          workers,
          async close() {
            await tracking.close();
            await vendors.close();
            await courierServer.close();
          },
        };
      },
    });
  });

  after(async () => {
    await box?.close();
    await env?.teardown();
  });

  test('paid, shipped, delivered, confirmed automatically after 7 days, payable 7 days after that', async () => {
    const product = await box.product([5], 21_000);
    const order = await box.placeOrder([{ variantId: product.variantIds[0]!, quantity: 2 }]);
    const handle = box.workflow(order.id);
    const pgReturn = await box.buyerPays(order.id, order.payableAmount);
    const attempt = await handle.executeUpdate(submitPaymentUpdate, { args: [{ pgReturn }] });
    assert.equal(
      ((await env.client.workflow.getHandle(attempt.workflowId).result()) as { status: string }).status,
      'PAID',
    );

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
      'SELECT order_line_id, amount, payable_at, seller_id FROM payable_lines WHERE order_id = ?',
      [order.id],
    )) as Array<{ order_line_id: string; amount: number; payable_at: Date; seller_id: string }>;
    assert.equal(lines.length, 1);
    assert.equal(Number(lines[0]!.amount), 42_000);
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
  });
});
