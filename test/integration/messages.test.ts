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

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const KOREAN = { 'accept-language': 'ko-KR,ko;q=0.9' };
const ENGLISH = { 'accept-language': 'en-US,en;q=0.9' };

describe('messages for people over HTTP', () => {
  let app: TestApp;
  let env: TestWorkflowEnvironment;
  let consumer: TestAccount;
  let seller: TestAccount;
  let admin: TestAccount;

  const call = (path: string, account: TestAccount, init: Parameters<typeof apiCall>[3] = {}) =>
    apiCall(app, path, account, init);

  before(async () => {
    env = await createTimeSkippingEnvironment();
    app = await createTestApp({ temporal: env });
    consumer = await signUpConsumer(app);
    seller = await signUpSeller(app);
    admin = await createAdmin(app);
  });

  after(async () => {
    await app.close();
    await env?.teardown();
  });

  test('problem details are Korean by default and English with Accept-Language: en', async () => {
    const missing = '0192f3a4-1b2c-7d3e-8f40-123456789abc';
    // No Accept-Language at all (app.app skips the test helper's English default).
    const plain = await app.app.request(`/api/v1/orders/${missing}`, { headers: consumer.auth });
    assert.equal(plain.status, 404);
    assert.equal(plain.headers.get('content-language'), 'ko');
    const korean = (await plain.json()) as { code: string; detail: string };
    assert.equal(korean.code, 'ORDER_NOT_FOUND');
    assert.equal(korean.detail, '주문을 찾을 수 없습니다.');

    const english = await call(`/orders/${missing}`, consumer, { headers: ENGLISH });
    assert.equal(english.headers.get('content-language'), 'en');
    assert.equal(english.body.code, 'ORDER_NOT_FOUND');
    assert.match(english.body.detail, /^No order/);
  });

  test('a wrong method on an existing path is 405 with Allow; an unknown path stays 404', async () => {
    const wrong = await call('/cart', consumer, { method: 'PUT', headers: KOREAN });
    assert.equal(wrong.status, 405);
    assert.equal(wrong.body.code, 'METHOD_NOT_ALLOWED');
    assert.deepEqual(wrong.headers.get('allow')!.split(', '), ['GET', 'HEAD']);
    assert.deepEqual(wrong.body.allow, ['GET', 'HEAD']);
    assert.match(wrong.body.detail, /허용되지 않는 요청 방식입니다. 사용할 수 있는 방식: GET, HEAD/);

    const item = await call('/cart/items/some-line', consumer, { method: 'GET' });
    assert.equal(item.status, 405);
    assert.ok(item.headers.get('allow')!.split(', ').includes('DELETE'));

    const unknown = await call('/no-such-thing', consumer);
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.code, 'ROUTE_NOT_FOUND');
  });

  test('validation messages: one field prefix, plain words in either language', async () => {
    const body = { variantId: '', quantity: 0 };
    const korean = await call('/cart/items', consumer, { body, headers: KOREAN });
    assert.equal(korean.status, 400);
    assert.equal(korean.body.code, 'VALIDATION_FAILED');
    assert.deepEqual(korean.body.errors, [
      { field: 'body.variantId', message: '비어 있으면 안 됩니다' },
      { field: 'body.quantity', message: '1 이상이어야 합니다' },
    ]);
    assert.equal(
      korean.body.detail,
      'body.variantId: 비어 있으면 안 됩니다; body.quantity: 1 이상이어야 합니다',
    );

    const english = await call('/cart/items', consumer, { body, headers: ENGLISH });
    assert.equal(english.body.detail, 'body.variantId: must not be empty; body.quantity: must be at least 1');

    const missing = await call('/cart/items', consumer, { body: {}, headers: KOREAN });
    assert.deepEqual(missing.body.errors, [{ field: 'body.variantId', message: '필수 항목입니다' }]);
  });

  test('OUT_OF_STOCK names the product and its option, never an id', async () => {
    const product = await createProduct(app, seller, { name: '면 티셔츠', price: 9_000, stocks: [1] });
    const variantId = product.variantIds[0]!;
    const korean = await call('/cart/items', consumer, { body: { variantId, quantity: 2 }, headers: KOREAN });
    assert.equal(korean.status, 409);
    assert.equal(korean.body.code, 'OUT_OF_STOCK');
    assert.equal(
      korean.body.detail,
      '재고가 부족합니다. 면 티셔츠 (사이즈: S1): 2개를 요청했지만 1개만 주문할 수 있습니다',
    );
    assert.deepEqual(
      korean.body.variants,
      [{ variantId, requested: 2, available: 1 }],
      'machine fields unchanged',
    );

    const english = await call('/orders', consumer, {
      body: { items: [{ variantId, quantity: 3 }], shippingAddress: address(), payment: cardPayment },
      headers: ENGLISH,
    });
    assert.equal(english.status, 409);
    assert.equal(english.body.detail, '면 티셔츠 (사이즈: S1): 3 requested, 1 available');
    for (const detail of [korean.body.detail, english.body.detail]) assert.doesNotMatch(detail, UUID);
  });

  test('a revoked manager is told its access was revoked', async () => {
    const manager = await createManager(app, admin);
    await assignManager(app, seller, manager, ['PRODUCTS', 'ORDERS']);
    assert.equal((await call('/seller/products', manager)).status, 200);
    const revoked = await call(`/sellers/${seller.id}/managers/${manager.id}`, seller, { method: 'DELETE' });
    assert.equal(revoked.status, 204);

    const named = await call('/seller/products', manager, {
      headers: { ...KOREAN, 'x-seller-id': seller.id },
    });
    assert.equal(named.status, 403);
    assert.equal(named.body.code, 'MANAGER_ACCESS_REVOKED');
    assert.match(named.body.detail, /권한을 회수했습니다/);
    const unnamed = await call('/seller/products', manager, { headers: ENGLISH });
    assert.equal(unnamed.status, 403);
    assert.match(unnamed.body.detail, /revoked your access/);

    // A manager the seller never assigned still gets the plain refusal.
    const stranger = await createManager(app, admin);
    const refused = await call('/seller/products', stranger, { headers: { 'x-seller-id': seller.id } });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.code, 'FORBIDDEN');
  });

  test('allowedCommands lists only what the caller may do', async () => {
    const product = await createProduct(app, seller, { price: 5_000, stocks: [5] });
    const placed = await call('/orders', consumer, {
      body: {
        items: [{ variantId: product.variantIds[0]!, quantity: 1 }],
        shippingAddress: address(),
        payment: cardPayment,
      },
    });
    assert.equal(placed.status, 201, JSON.stringify(placed.body));
    const asBuyer = await call(`/orders/${placed.body.id}`, consumer);
    assert.deepEqual(
      asBuyer.body.allowedCommands,
      ['CANCEL'],
      'payment outcomes are not the buyer’s to send',
    );
    const asAdmin = await call(`/orders/${placed.body.id}`, admin);
    assert.equal(asAdmin.status, 200);
    assert.deepEqual(asAdmin.body.allowedCommands, [], 'an operator cannot cancel a buyer’s unpaid order');
  });
});
