import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { orderWorkflowId } from '../../domain/ordering/workflow-ids';
import { ORDER_NUMBER_SEARCH_ATTRIBUTE } from '../../workflows/ordering/order-search-attributes';
import { signUpConsumer, signUpSeller, type TestAccount } from '../support/identity';
import { address, apiCall, cardPayment, createProduct } from '../support/ordering';
import { eventually } from '../support/eventually';
import { createDevServerEnvironment } from '../support/temporal';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * The Temporal UI finds an order by its number: OrderLifecycle starts with the `OrderNumber`
 * search attribute on a dev server that registers it (as `npm start` does). The time-skipping
 * server supports no custom attribute, so this runs against the dev server.
 */
describe('OrderLifecycle carries the OrderNumber search attribute (dev server)', () => {
  let env: TestWorkflowEnvironment;
  let app: TestApp;
  let buyer: TestAccount;
  let seller: TestAccount;
  let orderId: string | undefined;

  before(async () => {
    env = await createDevServerEnvironment();
    app = await createTestApp({ temporal: env });
    buyer = await signUpConsumer(app);
    seller = await signUpSeller(app);
  });

  after(async () => {
    if (orderId) {
      await env.client.workflow
        .getHandle(orderWorkflowId(orderId))
        .terminate('test over')
        .catch(() => undefined);
      for (const table of ['order_history', 'order_lines', 'order_parts'])
        await app.dataSource.query(`DELETE FROM ${table} WHERE order_id = ?`, [orderId]);
      await app.dataSource.query('DELETE FROM stock_reservations WHERE reference = ?', [orderId]);
      await app.dataSource.query('DELETE FROM orders WHERE id = ?', [orderId]);
    }
    await app?.close();
    await env?.teardown();
  });

  test('a placed order is found by `OrderNumber = "JT…"` in the visibility store', async () => {
    const product = await createProduct(app, seller, { price: 11_000, stocks: [2] });
    const placed = await apiCall(app, '/orders', buyer, {
      body: {
        items: [{ variantId: product.variantIds[0]!, quantity: 1 }],
        shippingAddress: address(),
        payment: cardPayment,
      },
    });
    assert.equal(placed.status, 201, JSON.stringify(placed.body));
    orderId = placed.body.id as string;
    const orderNumber = placed.body.orderNumber as string;

    const described = await env.client.workflow.getHandle(orderWorkflowId(orderId)).describe();
    assert.equal(described.typedSearchAttributes.get(ORDER_NUMBER_SEARCH_ATTRIBUTE), orderNumber);
    const found = await eventually(
      async () => {
        const ids: string[] = [];
        for await (const run of env.client.workflow.list({ query: `OrderNumber = "${orderNumber}"` }))
          ids.push(run.workflowId);
        return ids.length > 0 ? ids : null;
      },
      { what: 'the order in the visibility store', timeoutMs: 15_000 },
    );
    assert.deepEqual(found, [orderWorkflowId(orderId)]);
  });
});
