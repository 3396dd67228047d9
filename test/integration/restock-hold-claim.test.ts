import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { catalogAndInventory, testInfra } from '../support/contexts';
import { until } from '../support/eventually';
import { signUpConsumer, signUpSeller, type TestAccount } from '../support/identity';
import { createInventoryWorker } from '../support/inventory-worker';
import { address, apiCall, cardPayment, createProduct, deleteOrdersOf } from '../support/ordering';
import { createTimeSkippingEnvironment } from '../support/temporal';
import { createTestApp, type TestApp } from '../support/test-app';

describe('a restock hold is claimed through the API (issue #19, point 1)', () => {
  let env: TestWorkflowEnvironment;
  let app: TestApp;
  let worker: Worker;
  let running: Promise<unknown>;
  let holder: TestAccount;
  let other: TestAccount;
  let seller: TestAccount;
  const call = (path: string, account: TestAccount, init: Parameters<typeof apiCall>[3] = {}) =>
    apiCall(app, path, account, init);

  before(async () => {
    env = await createTimeSkippingEnvironment();
    app = await createTestApp({ temporal: env });
    // The hold workflow's activities run over the same database as the app that starts it.
    worker = await createInventoryWorker(env, catalogAndInventory(testInfra(app)).waitlist);
    running = worker.run();
    holder = await signUpConsumer(app);
    other = await signUpConsumer(app);
    seller = await signUpSeller(app);
  });

  after(async () => {
    worker?.shutdown();
    await running;
    await deleteOrdersOf(app.dataSource, [holder, other], ['cart_items', 'waitlist_entries']);
    await app?.close();
    await env?.teardown();
  });

  test('the holder adds the held unit to the cart and orders it; another consumer still gets 409 OUT_OF_STOCK', async () => {
    const product = await createProduct(app, seller, { price: 12_000, stocks: [0] });
    const variantId = product.variantIds[0]!;
    const joined = await call(`/variants/${variantId}/waitlist`, holder, { body: { quantity: 1 } });
    assert.equal(joined.status, 201, JSON.stringify(joined.body));

    const restocked = await call(`/seller/variants/${variantId}/stock`, seller, {
      method: 'PUT',
      body: { onHand: 1 },
    });
    assert.equal(restocked.status, 200, JSON.stringify(restocked.body));
    await until(
      async () =>
        (await app.dataSource.query('SELECT status FROM waitlist_entries WHERE id = ?', [
          joined.body.id,
        ])) as {
          status: string;
        }[],
      (rows) => rows[0]?.status === 'OFFERED',
      { what: 'the hold offered to the first in line', timeoutMs: 20_000 },
    );

    const order = (quantity: number) => ({
      items: [{ variantId, quantity }],
      shippingAddress: address(),
      payment: cardPayment,
    });
    const othersCart = await call('/cart/items', other, { body: { variantId, quantity: 1 } });
    assert.equal(othersCart.status, 409);
    assert.equal(othersCart.body.code, 'OUT_OF_STOCK');
    const othersOrder = await call('/orders', other, { body: order(1) });
    assert.equal(othersOrder.status, 409);
    assert.equal(othersOrder.body.code, 'OUT_OF_STOCK');
    assert.deepEqual(othersOrder.body.variants, [{ variantId, requested: 1, available: 0 }]);

    const tooMany = await call('/orders', holder, { body: order(2) });
    assert.equal(tooMany.status, 409, 'the hold covers one unit only');
    assert.deepEqual(tooMany.body.variants, [{ variantId, requested: 2, available: 1 }]);
    const inCart = await call('/cart/items', holder, { body: { variantId, quantity: 1 } });
    assert.equal(inCart.status, 201, JSON.stringify(inCart.body));
    const cart = await call('/cart', holder);
    assert.equal(
      cart.body.items[0].availability,
      'AVAILABLE',
      'the held unit shows as orderable to its holder',
    );

    const placed = await call('/orders', holder, { body: order(1) });
    assert.equal(placed.status, 201, JSON.stringify(placed.body));
    const [entry] = (await app.dataSource.query('SELECT status FROM waitlist_entries WHERE id = ?', [
      joined.body.id,
    ])) as { status: string }[];
    assert.equal(entry?.status, 'CLAIMED');
    const [level] = (await app.dataSource.query(
      'SELECT on_hand, reserved FROM stock_levels WHERE variant_id = ?',
      [variantId],
    )) as { on_hand: number; reserved: number }[];
    assert.deepEqual([Number(level?.on_hand), Number(level?.reserved)], [1, 1], 'one unit, now the order’s');
    const again = await call('/orders', holder, { body: order(1) });
    assert.equal(again.status, 409, 'a claimed hold is not orderable twice');
  });
});
