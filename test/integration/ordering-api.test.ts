import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { orderWorkflowId } from '../../domain/ordering/workflow-ids';
import type { Order } from '../../domain/ordering/order';
import {
  assignManager,
  createAdmin,
  createManager,
  signUpConsumer,
  signUpSeller,
  type TestAccount,
} from '../support/identity';
import {
  address,
  apiCall,
  cardPayment,
  createProduct,
  deleteOrdersOf,
  orderingServices,
} from '../support/ordering';
import { createTimeSkippingEnvironment } from '../support/temporal';
import { createTestApp, type TestApp } from '../support/test-app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('cart and order reads over HTTP', () => {
  let app: TestApp;
  let services: ReturnType<typeof orderingServices>;
  let consumer: TestAccount;
  let otherConsumer: TestAccount;
  let sellerA: TestAccount;
  let sellerB: TestAccount;
  let env: TestWorkflowEnvironment;

  const call = (path: string, account: TestAccount, init: Parameters<typeof apiCall>[3] = {}) =>
    apiCall(app, path, account, init);

  before(async () => {
    // POST /orders starts OrderLifecycle: a Temporal server is needed (no worker: it only has to start).
    env = await createTimeSkippingEnvironment();
    app = await createTestApp({ temporal: env });
    services = orderingServices(app);
    consumer = await signUpConsumer(app);
    otherConsumer = await signUpConsumer(app);
    sellerA = await signUpSeller(app);
    sellerB = await signUpSeller(app);
  });

  after(async () => {
    await deleteOrdersOf(app.dataSource, [consumer, otherConsumer], ['cart_items']);
    await app.close();
    await env?.teardown();
  });

  test('the cart shows price changes since an item was added, and items that became unavailable', async () => {
    const product = await createProduct(app, sellerA, { price: 20_000, stocks: [5, 1] });
    const [v1, v2] = product.variantIds as [string, string];
    const added = await call('/cart/items', consumer, { body: { variantId: v1, quantity: 2 } });
    assert.equal(added.status, 201);
    assert.equal(
      (await call('/cart/items', consumer, { body: { variantId: v1, quantity: 1 } })).status,
      200,
      'adding again adds to the line',
    );
    const second = await call('/cart/items', consumer, { body: { variantId: v2, quantity: 1 } });
    assert.equal(second.status, 201);

    const repriced = await app.request(`/api/v1/seller/products/${product.id}`, {
      method: 'PATCH',
      body: { price: 18_000 },
      headers: sellerA.auth,
    });
    assert.equal(repriced.status, 200);
    await services.inventory.setOnHand(v2, 0);

    const cart = await call('/cart', consumer);
    assert.equal(cart.status, 200);
    const line1 = cart.body.items.find((i: Json) => i.variantId === v1);
    const line2 = cart.body.items.find((i: Json) => i.variantId === v2);
    assert.equal(line1.quantity, 3);
    assert.deepEqual(line1.priceChange, { previous: 20_000, current: 18_000, difference: -2_000 });
    assert.equal(line1.lineAmount, 54_000);
    assert.equal(line1.availability, 'AVAILABLE');
    assert.equal(line2.availability, 'SOLD_OUT');
    assert.deepEqual(
      [
        cart.body.totalAmount,
        cart.body.orderableCount,
        cart.body.unavailableCount,
        cart.body.priceChangedCount,
      ],
      [54_000, 1, 1, 2],
    );

    const suspended = await app.request(`/api/v1/seller/products/${product.id}`, {
      method: 'PATCH',
      body: { status: 'SUSPENDED' },
      headers: sellerA.auth,
    });
    assert.equal(suspended.status, 200);
    const afterSuspension = await call('/cart', consumer);
    assert.deepEqual(
      afterSuspension.body.items.map((i: Json) => i.availability),
      ['UNAVAILABLE', 'UNAVAILABLE'],
    );
    assert.equal(afterSuspension.body.totalAmount, 0);

    assert.equal(
      (await call(`/cart/items/${added.body.id}`, otherConsumer, { method: 'DELETE' })).status,
      404,
      'another consumer cannot touch the line',
    );
    assert.equal((await call(`/cart/items/${added.body.id}`, consumer, { method: 'DELETE' })).status, 204);
    assert.equal((await call(`/cart/items/${second.body.id}`, consumer, { method: 'DELETE' })).status, 204);
    assert.equal((await call('/cart', consumer)).body.items.length, 0);
  });

  test('cart edits are checked against stock; only consumers have a cart', async () => {
    const product = await createProduct(app, sellerA, { price: 1_000, stocks: [3] });
    const variantId = product.variantIds[0]!;
    const tooMany = await call('/cart/items', otherConsumer, { body: { variantId, quantity: 4 } });
    assert.equal(tooMany.status, 409);
    assert.equal(tooMany.body.code, 'OUT_OF_STOCK');
    assert.deepEqual(tooMany.body.variants, [{ variantId, requested: 4, available: 3 }]);
    const line = await call('/cart/items', otherConsumer, { body: { variantId, quantity: 1 } });
    const changed = await call(`/cart/items/${line.body.id}`, otherConsumer, {
      method: 'PATCH',
      body: { quantity: 3 },
    });
    assert.equal(changed.status, 200);
    assert.equal(changed.body.quantity, 3);
    assert.equal(
      (await call(`/cart/items/${line.body.id}`, otherConsumer, { method: 'PATCH', body: { quantity: 5 } }))
        .status,
      409,
    );
    assert.equal(
      (await call(`/cart/items/${line.body.id}`, otherConsumer, { method: 'PATCH', body: { quantity: 0 } }))
        .status,
      400,
    );
    assert.equal(
      (await call('/cart/items', otherConsumer, { body: { variantId: 'no-such-variant', quantity: 1 } })).body
        .code,
      'PRODUCT_UNAVAILABLE',
    );
    assert.equal((await call('/cart', sellerA)).status, 403);
    assert.equal((await app.request('/api/v1/cart')).status, 401);
    await call(`/cart/items/${line.body.id}`, otherConsumer, { method: 'DELETE' });
  });

  test('POST /orders: 201 with server amounts, Idempotency-Key replay, 422 on reuse, 409 OUT_OF_STOCK with details, 400 naming fields', async () => {
    const product = await createProduct(app, sellerA, { price: 15_000, stocks: [2] });
    const variantId = product.variantIds[0]!;
    const body = {
      items: [{ variantId, quantity: 1 }],
      shippingAddress: address(),
      payment: { ...cardPayment, points: 0 },
      totalAmount: 1,
    };
    const first = await call('/orders', consumer, { body, headers: { 'idempotency-key': 'api-key-1' } });
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(first.body.status, 'PENDING_PAYMENT');
    assert.equal(first.body.totalAmount, 15_000 + 3_000, 'the client’s amount is ignored; default shipping');
    assert.ok(first.body.payment.confirmUrl.endsWith(`/api/v1/orders/${first.body.id}/payments/confirm`));
    assert.equal(first.body.payment.checkoutUrl, null, 'no PG in this app: the window is asked for later');
    const workflow = await env.client.workflow.getHandle(orderWorkflowId(first.body.id)).describe();
    assert.equal(workflow.status.name, 'RUNNING');
    const replay = await call('/orders', consumer, { body, headers: { 'idempotency-key': 'api-key-1' } });
    assert.equal(replay.status, 201);
    assert.equal(replay.body.id, first.body.id);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    const reused = await call('/orders', consumer, {
      body: { ...body, items: [{ variantId, quantity: 2 }] },
      headers: { 'idempotency-key': 'api-key-1' },
    });
    assert.equal(reused.status, 422);
    assert.equal(reused.body.code, 'IDEMPOTENCY_KEY_REUSED');
    const short = await call('/orders', consumer, { body: { ...body, items: [{ variantId, quantity: 2 }] } });
    assert.equal(short.status, 409);
    assert.equal(short.body.code, 'OUT_OF_STOCK');
    assert.deepEqual(short.body.variants, [{ variantId, requested: 2, available: 1 }]);
    const invalid = await call('/orders', consumer, {
      body: { ...body, shippingAddress: { ...address(), zipCode: '123', phone: 'x' } },
    });
    assert.equal(invalid.status, 400);
    assert.deepEqual(
      invalid.body.errors.map((e: Json) => e.field),
      ['body.shippingAddress.phone', 'body.shippingAddress.zipCode'],
    );
    const again = await env.client.workflow.getHandle(orderWorkflowId(first.body.id)).describe();
    assert.equal(
      again.runId,
      workflow.runId,
      'the replay found the running workflow instead of starting another',
    );
  });

  test('GET /orders lists only the caller’s orders, newest first, paginated; GET /orders/{id} shows parts, lines and the timeline', async () => {
    const mug = await createProduct(app, sellerA, { price: 7_000, stocks: [10] });
    const towel = await createProduct(app, sellerB, { price: 3_000, stocks: [10] });
    const placed: Order[] = [];
    for (let i = 0; i < 3; i++) {
      const { order } = await services.placement.place({
        userId: otherConsumer.id,
        body: {
          items: [
            { variantId: mug.variantIds[0]!, quantity: 1 },
            { variantId: towel.variantIds[0]!, quantity: i + 1 },
          ],
          shippingAddress: address(),
          payment: cardPayment,
        },
      });
      placed.push(order);
    }
    // Ids are UUIDv7 (time first), so newest first is descending id, whatever the millisecond.
    const newestFirst = [...placed].sort((a, b) => (a.id < b.id ? 1 : -1));
    const page1 = await call('/orders?size=2', otherConsumer);
    assert.equal(page1.status, 200);
    assert.deepEqual(
      page1.body.items.map((o: Json) => o.id),
      [newestFirst[0]!.id, newestFirst[1]!.id],
    );
    assert.ok(page1.body.nextCursor);
    const page2 = await call(`/orders?size=2&cursor=${page1.body.nextCursor}`, otherConsumer);
    assert.deepEqual(
      page2.body.items.map((o: Json) => o.id),
      [newestFirst[2]!.id],
    );
    assert.equal(page2.body.nextCursor, null);
    assert.equal(page1.body.items[0].title.endsWith('외 1건'), true);
    assert.equal((await call('/orders?size=101', otherConsumer)).status, 400);
    assert.ok(
      !(await call('/orders?size=100', consumer)).body.items.some((o: Json) =>
        placed.some((p) => p.id === o.id),
      ),
      'another buyer sees none of them',
    );

    const target = placed[1]!;
    await services.recordTransition(target.id, {
      command: 'MARK_PAID',
      at: new Date(),
      transitionKey: 'paid',
    });
    await services.recordTransition(target.id, {
      command: 'MARK_PAID',
      at: new Date(),
      transitionKey: 'paid',
    }); // a retried activity
    await services.recordTransition(target.id, {
      command: 'SHIP',
      sellerId: sellerA.id,
      at: new Date(),
      transitionKey: `ship:${sellerA.id}`,
    });
    const detail = await call(`/orders/${target.id}`, otherConsumer);
    assert.equal(detail.status, 200);
    assert.equal(detail.body.status, 'PAID');
    assert.equal(detail.body.totalAmount, 7_000 + 2 * 3_000 + 2 * 3_000, 'goods + each part’s default fee');
    assert.deepEqual(
      detail.body.parts.map((p: Json) => [p.sellerId, p.status, p.subtotal]).sort(),
      [
        [sellerA.id, 'SHIPPED', 7_000],
        [sellerB.id, 'PAID', 6_000],
      ].sort(),
    );
    assert.equal(detail.body.lines.length, 2);
    const [first, second] = [sellerA.id, sellerB.id].sort();
    assert.deepEqual(
      detail.body.timeline.map((t: Json) => [t.command, t.status, t.sellerId]),
      [
        ['PLACE', 'PENDING_PAYMENT', null],
        ['MARK_PAID', 'PAID', first],
        ['MARK_PAID', 'PAID', second],
        ['MARK_PAID', 'PAID', null],
        ['SHIP', 'SHIPPED', sellerA.id],
      ],
      'the retried MARK_PAID is recorded once',
    );
    assert.deepEqual(detail.body.shippingAddress, { ...address(), phone: '01023456789' });
    assert.equal(
      (await call(`/orders/${target.id}`, consumer)).status,
      404,
      'another buyer’s order is not found',
    );
    assert.equal((await call(`/orders/${target.id}`, sellerA)).status, 403);
    assert.equal(
      (await call(`/orders/${target.id}`, await createAdmin(app))).status,
      200,
      'an admin may read it (customer service)',
    );

    const cancel = await services
      .recordTransition(target.id, { command: 'CANCEL', at: new Date() })
      .catch((e: { code: string }) => e.code);
    assert.equal(cancel, 'ORDER_TRANSITION_NOT_ALLOWED', 'a shipped part blocks cancelling the whole order');
  });

  test('GET /seller/orders shows a seller only its own part and lines; a manager needs ORDERS; the address only once paid', async () => {
    const mug = await createProduct(app, sellerA, { price: 11_000, stocks: [10] });
    const towel = await createProduct(app, sellerB, { price: 2_500, stocks: [10] });
    const { order } = await services.placement.place({
      userId: consumer.id,
      body: {
        items: [
          { variantId: mug.variantIds[0]!, quantity: 2 },
          { variantId: towel.variantIds[0]!, quantity: 1 },
        ],
        shippingAddress: address('판매자확인'),
        payment: cardPayment,
      },
    });
    const asB = await call('/seller/orders?size=100', sellerB);
    assert.equal(asB.status, 200);
    const partB = asB.body.items.find((p: Json) => p.orderId === order.id);
    assert.deepEqual(
      partB.lines.map((l: Json) => [l.variantId, l.quantity]),
      [[towel.variantIds[0], 1]],
    );
    assert.equal(partB.subtotal, 2_500);
    assert.equal(partB.shippingAddress, null, 'not before payment');
    assert.ok(asB.body.items.every((p: Json) => p.lines.every((l: Json) => l.sellerId === sellerB.id)));

    await services.recordTransition(order.id, { command: 'MARK_PAID', at: new Date() });
    const asA = await call('/seller/orders?size=100&status=PAID', sellerA);
    const partA = asA.body.items.find((p: Json) => p.orderId === order.id);
    assert.deepEqual(
      partA.lines.map((l: Json) => [l.variantId, l.quantity, l.lineAmount]),
      [[mug.variantIds[0], 2, 22_000]],
    );
    assert.equal(partA.shippingAddress.recipient, '김주문판매자확인');
    assert.ok(asA.body.items.every((p: Json) => p.lines.every((l: Json) => l.sellerId === sellerA.id)));

    const admin = await createAdmin(app);
    const manager = await createManager(app, admin);
    await assignManager(app, sellerA, manager, ['CHAT']);
    const chatOnly = await call('/seller/orders', manager);
    assert.equal(chatOnly.status, 403, JSON.stringify(chatOnly.body));
    await assignManager(app, sellerA, manager, ['ORDERS']);
    const asManager = await call('/seller/orders?size=100', manager);
    assert.equal(asManager.status, 200);
    assert.ok(asManager.body.items.some((p: Json) => p.orderId === order.id));
    assert.equal(
      (await call('/seller/orders', consumer, { headers: { 'x-seller-id': sellerA.id } })).status,
      403,
    );
    assert.equal(
      (await call('/seller/orders', sellerB, { headers: { 'x-seller-id': sellerA.id } })).status,
      403,
      'a seller cannot read another seller’s orders',
    );
  });

  test('withdrawal strips the address and recipient from the buyer’s orders, keeps the order records', async () => {
    const leaving = await signUpConsumer(app);
    const product = await createProduct(app, sellerA, { price: 4_000, stocks: [5] });
    const { order } = await services.placement.place({
      userId: leaving.id,
      body: {
        items: [{ variantId: product.variantIds[0]!, quantity: 1 }],
        shippingAddress: address('탈퇴'),
        payment: cardPayment,
      },
    });
    await services.cart.add(leaving.id, product.variantIds[0]!, 1);
    const withdrawn = await app.request('/api/v1/me', { method: 'DELETE', headers: leaving.auth });
    assert.equal(withdrawn.status, 204);
    const [row] = await app.dataSource.query(
      'SELECT order_number, total_amount, shipping_address, personal_data_erased_at FROM orders WHERE id = ?',
      [order.id],
    );
    assert.equal(row.order_number, order.orderNumber);
    assert.equal(Number(row.total_amount), 4_000 + 3_000);
    assert.equal(row.shipping_address, null);
    assert.ok(row.personal_data_erased_at);
    const kept = await services.orders.findById(order.id);
    assert.equal(kept!.shippingAddress, null);
    assert.equal(kept!.parts[0]!.lines.length, 1);
    assert.equal((await services.carts.list(leaving.id)).length, 0);
    await services.eraser.erasePersonalData(leaving.id, new Date()); // idempotent
    for (const table of ['order_history', 'order_lines', 'order_parts'])
      await app.dataSource.query(`DELETE FROM ${table} WHERE order_id = ?`, [order.id]);
    await app.dataSource.query('DELETE FROM stock_reservations WHERE reference = ?', [order.id]);
    await app.dataSource.query('DELETE FROM orders WHERE id = ?', [order.id]);
  });
});
