import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  assignManager,
  createAdmin,
  createManager,
  signUpConsumer,
  signUpSeller,
  type TestAccount,
} from '../support/identity';
import { address, apiCall, cardPayment, createProduct } from '../support/ordering';
import { createTimeSkippingEnvironment } from '../support/temporal';
import { createTestApp, type TestApp } from '../support/test-app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const JEJU = { ...address('제주'), zipCode: '63100', address1: '제주특별자치도 제주시 첨단로 242' };

describe('shipping fees over HTTP: seller policy, cart, orders', () => {
  let app: TestApp;
  let env: TestWorkflowEnvironment;
  let consumer: TestAccount;
  let sellerA: TestAccount;
  let sellerB: TestAccount;
  let admin: TestAccount;

  const call = (path: string, account: TestAccount, init: Parameters<typeof apiCall>[3] = {}) =>
    apiCall(app, path, account, init);

  before(async () => {
    env = await createTimeSkippingEnvironment();
    app = await createTestApp({ temporal: env });
    consumer = await signUpConsumer(app);
    sellerA = await signUpSeller(app);
    sellerB = await signUpSeller(app);
    admin = await createAdmin(app);
  });

  after(async () => {
    await app.close();
    await env?.teardown();
  });

  test('GET/PUT /seller/shipping-policy: the platform default until set, validated, managers need PRODUCTS', async () => {
    const initial = await call('/seller/shipping-policy', sellerA);
    assert.equal(initial.status, 200);
    assert.deepEqual(
      [initial.body.baseFee, initial.body.freeShippingOver, initial.body.jejuFee, initial.body.isDefault],
      [3_000, 50_000, 3_000, true],
    );
    assert.ok(
      initial.body.remoteZipRanges.some((r: Json) => r.from === '40200'),
      '울릉도 is in the default list',
    );

    const bad = await call('/seller/shipping-policy', sellerB, {
      method: 'PUT',
      body: { baseFee: -100, freeShippingOver: 30_000, remoteAreaFee: 5_000 },
    });
    assert.equal(bad.status, 400);
    assert.match(bad.headers.get('content-type') ?? '', /problem\+json/);
    assert.equal(bad.body.code, 'VALIDATION_FAILED');
    const badRanges = await call('/seller/shipping-policy', sellerB, {
      method: 'PUT',
      body: {
        baseFee: 1,
        freeShippingOver: 1,
        remoteAreaFee: 1,
        jejuFee: 1,
        remoteZipRanges: [{ from: '50000', to: '40000' }],
      },
    });
    assert.equal(badRanges.status, 400);
    assert.match(JSON.stringify(badRanges.body), /remoteZipRanges/);

    const manager = await createManager(app, admin);
    await assignManager(app, sellerB, manager, ['ORDERS']);
    const refused = await call('/seller/shipping-policy', manager, {
      method: 'PUT',
      body: { baseFee: 2_500, freeShippingOver: 30_000, remoteAreaFee: 6_000, jejuFee: 4_000 },
    });
    assert.equal(refused.status, 403);
    await assignManager(app, sellerB, manager, ['PRODUCTS']);
    const set = await call('/seller/shipping-policy', manager, {
      method: 'PUT',
      body: { baseFee: 2_500, freeShippingOver: 30_000, remoteAreaFee: 6_000, jejuFee: 4_000 },
    });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    const read = await call('/seller/shipping-policy', sellerB);
    assert.deepEqual(
      [
        read.body.baseFee,
        read.body.freeShippingOver,
        read.body.remoteAreaFee,
        read.body.jejuFee,
        read.body.isDefault,
      ],
      [2_500, 30_000, 6_000, 4_000, false],
    );
    assert.equal((await call('/seller/shipping-policy', consumer)).status, 403);
  });

  test('products take 개별 배송비 and 묶음배송 불가 on create and update; a bad fee is a 400', async () => {
    const created = await app.request('/api/v1/seller/products', {
      headers: sellerA.auth,
      body: {
        name: '전기 그릴',
        price: 80_000,
        variants: [{ options: {}, stock: 3 }],
        shippingFee: 5_000,
        bundleShipping: false,
      },
    });
    const product = (await created.json()) as Json;
    assert.equal(created.status, 201, JSON.stringify(product));
    assert.deepEqual([product.shippingFee, product.bundleShipping], [5_000, false]);
    const changed = await call(`/seller/products/${product.id}`, sellerA, {
      method: 'PATCH',
      body: { shippingFee: null, bundleShipping: true },
    });
    assert.deepEqual([changed.body.shippingFee, changed.body.bundleShipping], [null, true]);
    const detail = await call(`/products/${product.id}`, consumer);
    assert.deepEqual([detail.body.shippingFee, detail.body.bundleShipping], [null, true]);
    const bad = await call(`/seller/products/${product.id}`, sellerA, {
      method: 'PATCH',
      body: { shippingFee: -1 },
    });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.code, 'VALIDATION_FAILED');
  });

  test('cart and order: per seller part the fee, what more buys free shipping, 제주 extra, totals charged', async () => {
    // Seller A (default policy): 20,000원 of goods → 3,000원; seller B (2,500원, free from 30,000원): 40,000원 → free.
    const a = await createProduct(app, sellerA, { price: 10_000, stocks: [10] });
    const b = await createProduct(app, sellerB, { price: 20_000, stocks: [10] });
    const own = await createProduct(app, sellerB, { price: 7_000, stocks: [10] });
    await call(`/seller/products/${own.id}`, sellerB, { method: 'PATCH', body: { shippingFee: 4_000 } });
    for (const [variantId, quantity] of [
      [a.variantIds[0]!, 2],
      [b.variantIds[0]!, 2],
      [own.variantIds[0]!, 1],
    ] as const)
      assert.equal((await call('/cart/items', consumer, { body: { variantId, quantity } })).status, 201);

    const cart = await call('/cart', consumer);
    assert.equal(cart.status, 200);
    const part = (body: Json, seller: TestAccount) => body.parts.find((p: Json) => p.sellerId === seller.id);
    assert.deepEqual(
      [part(cart.body, sellerA).shippingFee, part(cart.body, sellerA).amountToFreeShipping],
      [3_000, 30_000],
    );
    assert.deepEqual(
      [part(cart.body, sellerB).shippingFee, part(cart.body, sellerB).amountToFreeShipping],
      [4_000, 0],
      'B bundles free; its 개별 배송비 product is charged on its own',
    );
    assert.deepEqual(
      [cart.body.goodsAmount, cart.body.shippingFee, cart.body.totalAmount],
      [67_000, 7_000, 74_000],
    );
    const jejuCart = await call('/cart?zipCode=63100', consumer);
    assert.deepEqual(
      [part(jejuCart.body, sellerA).shippingFee, part(jejuCart.body, sellerB).shippingFee],
      [3_000 + 3_000, 4_000 * 3],
      '제주: A +3,000원; B +4,000원 per parcel (bundle and 개별 배송비 product)',
    );
    assert.equal((await call('/cart?zipCode=12', consumer)).status, 400);

    const placed = await call('/orders', consumer, {
      body: { shippingAddress: JEJU, payment: cardPayment },
      headers: { 'idempotency-key': `fees-${Date.now()}` },
    });
    assert.equal(placed.status, 201, JSON.stringify(placed.body));
    const expected = { goods: 67_000, shipping: 6_000 + 12_000 };
    assert.deepEqual(
      [placed.body.goodsAmount, placed.body.shippingFee, placed.body.totalAmount, placed.body.payableAmount],
      [
        expected.goods,
        expected.shipping,
        expected.goods + expected.shipping,
        expected.goods + expected.shipping,
      ],
      'the PG is asked for goods + shipping',
    );
    const detail = await call(`/orders/${placed.body.id}`, consumer);
    assert.deepEqual(
      detail.body.parts.map((p: Json) => [p.sellerId, p.subtotal, p.shippingFee]).sort(),
      [
        [sellerA.id, 20_000, 6_000],
        [sellerB.id, 47_000, 12_000],
      ].sort(),
    );
    assert.equal(detail.body.totalAmount, 85_000);
    const summary = (await call('/orders', consumer)).body.items.find((o: Json) => o.id === placed.body.id);
    assert.deepEqual(
      [summary.goodsAmount, summary.shippingFee, summary.totalAmount],
      [67_000, 18_000, 85_000],
    );
    const sellerList = await call('/seller/orders', sellerB);
    const sellerPart = sellerList.body.items.find((o: Json) => o.orderId === placed.body.id);
    assert.deepEqual([sellerPart.subtotal, sellerPart.shippingFee], [47_000, 12_000]);
  });

  test('a seller sets its own 반품 배송비: validated, shown, kept with the orders placed under it', async () => {
    const seller = await signUpSeller(app);
    const policy = { baseFee: 2_500, freeShippingOver: 40_000, remoteAreaFee: 5_000, jejuFee: 3_000 };
    const put = (body: Json) => call('/seller/shipping-policy', seller, { method: 'PUT', body });
    assert.equal((await call('/seller/shipping-policy', seller)).body.returnShippingFee, null);
    for (const bad of [-1, 2_500.5, '4000']) {
      const refused = await put({ ...policy, returnShippingFee: bad });
      assert.equal(refused.status, 400, String(bad));
      assert.equal(refused.body.code, 'VALIDATION_FAILED');
      assert.match(JSON.stringify(refused.body), /returnShippingFee/);
    }
    const set = await put({ ...policy, returnShippingFee: 4_000 });
    assert.deepEqual([set.status, set.body.returnShippingFee], [200, 4_000]);
    assert.equal((await call('/seller/shipping-policy', seller)).body.returnShippingFee, 4_000);

    const buyer = await signUpConsumer(app);
    const product = await createProduct(app, seller, { price: 10_000, stocks: [3] });
    const placed = await call('/orders', buyer, {
      body: {
        items: [{ variantId: product.variantIds[0], quantity: 1 }],
        shippingAddress: address(),
        payment: cardPayment,
      },
      headers: { 'idempotency-key': `return-fee-${Date.now()}` },
    });
    assert.equal(placed.status, 201, JSON.stringify(placed.body));
    const [part] = (await app.dataSource.query('SELECT shipping_policy FROM order_parts WHERE order_id = ?', [
      placed.body.id,
    ])) as Array<{ shipping_policy: string }>;
    assert.equal(
      JSON.parse(part!.shipping_policy).returnShippingFee,
      4_000,
      'a return of this order keeps 4,000원',
    );

    // Unset again: the base fee is the return shipping (docs/ordering.md#refunds-with-shipping).
    const cleared = await put(policy);
    assert.deepEqual([cleared.status, cleared.body.returnShippingFee], [200, null]);
    assert.equal((await call('/seller/shipping-policy', seller)).body.returnShippingFee, null);
  });
});
