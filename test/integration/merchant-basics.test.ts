import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createAdmin, signUpConsumer, signUpSeller, type TestAccount } from '../support/identity';
import { address, apiCall, cardPayment, createProduct, deleteOrdersOf } from '../support/ordering';
import { createTimeSkippingEnvironment } from '../support/temporal';
import { createTestApp, type TestApp } from '../support/test-app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const saved = (tag: string, extra: Json = {}) => ({
  label: tag,
  recipient: `김배송${tag}`,
  phone: '010-3456-7890',
  zipCode: '48058',
  address1: `부산광역시 해운대구 센텀중앙로 ${tag}`,
  address2: '101동 1001호',
  ...extra,
});

describe('shopper basics and admin look-ups (issue #19, points 7 and 8)', () => {
  let env: TestWorkflowEnvironment;
  let app: TestApp;
  let buyer: TestAccount;
  let other: TestAccount;
  let seller: TestAccount;
  let admin: TestAccount;
  const buyerPhone = `010-${randomInt(1000, 9999)}-${randomInt(1000, 9999)}`;
  const call = (path: string, account: TestAccount, init: Parameters<typeof apiCall>[3] = {}) =>
    apiCall(app, path, account, init);

  before(async () => {
    // POST /orders starts OrderLifecycle: a server is needed, no worker.
    env = await createTimeSkippingEnvironment();
    app = await createTestApp({ temporal: env });
    buyer = await signUpConsumer(app, { phone: buyerPhone });
    other = await signUpConsumer(app);
    seller = await signUpSeller(app, { companyName: '바다상회' });
    admin = await createAdmin(app);
  });

  after(async () => {
    await deleteOrdersOf(app.dataSource, [buyer, other], ['user_addresses', 'waitlist_entries']);
    await app?.close();
    await env?.teardown();
  });

  test('address book: the first is the default, one default at a time, at most 10, encrypted at rest, private', async () => {
    const first = await call('/me/addresses', buyer, { body: saved('집') });
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(first.body.isDefault, true, 'the first address is the default');
    assert.equal(first.body.phone, '01034567890');
    const second = await call('/me/addresses', buyer, {
      body: saved('회사', { isDefault: true, deliveryMemo: '부재 시 경비실에 맡겨 주세요' }),
    });
    assert.equal(second.status, 201);
    let book = await call('/me/addresses', buyer);
    assert.deepEqual(
      book.body.items.map((a: Json) => [a.label, a.isDefault]),
      [
        ['회사', true],
        ['집', false],
      ],
    );
    assert.equal(book.body.items[0].deliveryMemo, '부재 시 경비실에 맡겨 주세요');

    const [row] = (await app.dataSource.query('SELECT address FROM user_addresses WHERE id = ?', [
      second.body.id,
    ])) as { address: string }[];
    assert.ok(
      row && !row.address.includes('해운대') && !row.address.includes('01034567890'),
      'ciphertext only',
    );

    const changed = await call(`/me/addresses/${first.body.id}`, buyer, {
      method: 'PUT',
      body: saved('본가', { isDefault: true }),
    });
    assert.equal(changed.status, 200);
    assert.equal(changed.body.label, '본가');
    book = await call('/me/addresses', buyer);
    assert.deepEqual(
      book.body.items.map((a: Json) => [a.id, a.isDefault]),
      [
        [first.body.id, true],
        [second.body.id, false],
      ],
    );

    const invalid = await call('/me/addresses', buyer, {
      body: saved('x', { zipCode: '123', deliveryMemo: '메'.repeat(101), label: '' }),
    });
    assert.equal(invalid.status, 400);
    assert.deepEqual(invalid.body.errors.map((e: Json) => e.field).sort(), [
      'body.deliveryMemo',
      'body.label',
      'body.zipCode',
    ]);
    assert.equal((await call(`/me/addresses/${first.body.id}`, other, { method: 'DELETE' })).status, 404);

    for (let i = 2; i < 10; i++)
      assert.equal((await call('/me/addresses', buyer, { body: saved(`주소${i}`) })).status, 201);
    const full = await call('/me/addresses', buyer, { body: saved('열한번째') });
    assert.equal(full.status, 422);
    assert.equal(full.body.code, 'ADDRESS_BOOK_FULL');

    assert.equal((await call(`/me/addresses/${first.body.id}`, buyer, { method: 'DELETE' })).status, 204);
    book = await call('/me/addresses', buyer);
    assert.equal(book.body.items.length, 9);
    assert.equal(book.body.items.filter((a: Json) => a.isDefault).length, 1, 'the default passed on');
    assert.equal(book.body.items[0].label, '주소9', 'to the newest remaining address');
    assert.equal((await call('/me/addresses', seller)).status, 403);
  });

  test('twelve addresses saved at once into an empty book: ten are kept, two refused as full', async () => {
    const racer = await signUpConsumer(app);
    try {
      const answers = await Promise.all(
        Array.from({ length: 12 }, (_, i) => call('/me/addresses', racer, { body: saved(`동시${i}`) })),
      );
      const statuses = answers.map((a) => a.status).sort();
      assert.deepEqual(statuses, [...Array(10).fill(201), 422, 422]);
      const book = await call('/me/addresses', racer);
      assert.equal(book.body.items.length, 10);
      assert.equal(book.body.items.filter((a: Json) => a.isDefault).length, 1, 'exactly one default');
    } finally {
      await deleteOrdersOf(app.dataSource, [racer], ['user_addresses']);
    }
  });

  test('an order placed with addressId carries the delivery memo to the buyer, the seller and the admins', async () => {
    const product = await createProduct(app, seller, { price: 9_000, stocks: [5] });
    const variantId = product.variantIds[0]!;
    const book = await call('/me/addresses', buyer);
    const withMemo = book.body.items.find((a: Json) => a.label === '회사');
    const placed = await call('/orders', buyer, {
      body: { items: [{ variantId, quantity: 1 }], addressId: withMemo.id, payment: cardPayment },
    });
    assert.equal(placed.status, 201, JSON.stringify(placed.body));
    const detail = await call(`/orders/${placed.body.id}`, buyer);
    assert.equal(detail.body.shippingAddress.deliveryMemo, '부재 시 경비실에 맡겨 주세요');
    assert.equal(detail.body.shippingAddress.recipient, '김배송회사');

    const direct = await call('/orders', buyer, {
      body: {
        items: [{ variantId, quantity: 1 }],
        shippingAddress: { ...address(), deliveryMemo: '  문 앞에 놓아 주세요 ' },
        payment: cardPayment,
      },
    });
    assert.equal(direct.status, 201, JSON.stringify(direct.body));
    const directDetail = await call(`/orders/${direct.body.id}`, buyer);
    assert.equal(directDetail.body.shippingAddress.deliveryMemo, '문 앞에 놓아 주세요', 'trimmed');

    // The seller sees the address once the order is paid (the payment itself is tested elsewhere).
    await app.dataSource.query("UPDATE order_parts SET status = 'PAID' WHERE order_id = ?", [placed.body.id]);
    const sellerView = await call('/seller/orders', seller);
    const part = sellerView.body.items.find((p: Json) => p.orderId === placed.body.id);
    assert.equal(part.shippingAddress.deliveryMemo, '부재 시 경비실에 맡겨 주세요');

    for (const [body, field] of [
      [{ addressId: withMemo.id, shippingAddress: address() }, 'body.addressId'],
      [{ addressId: '01234567-0000-7000-8000-000000000000' }, 'body.addressId'],
      [{}, 'body.shippingAddress'],
      [
        { shippingAddress: { ...address(), deliveryMemo: 'ㄱ'.repeat(101) } },
        'body.shippingAddress.deliveryMemo',
      ],
    ] as const) {
      const refused = await call('/orders', buyer, {
        body: { items: [{ variantId, quantity: 1 }], payment: cardPayment, ...body },
      });
      assert.equal(refused.status, 400, JSON.stringify(refused.body));
      assert.deepEqual(
        refused.body.errors.map((e: Json) => e.field),
        [field],
      );
    }
    const othersAddress = await call('/orders', other, {
      body: { items: [{ variantId, quantity: 1 }], addressId: withMemo.id, payment: cardPayment },
    });
    assert.equal(othersAddress.status, 400, 'another buyer’s address is not theirs to use');

    // Admin look-ups.
    const byNumber = await call(`/admin/orders/by-number/${placed.body.orderNumber}`, admin);
    assert.equal(byNumber.status, 200);
    assert.equal(byNumber.body.id, placed.body.id);
    assert.equal(byNumber.body.buyerId, buyer.id);
    assert.equal(byNumber.body.shippingAddress.phone, '010-****-7890');
    assert.equal((await call('/admin/orders/by-number/JT2000010100000000', admin)).status, 404);
    const malformed = await call('/admin/orders/by-number/12345', admin);
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.errors[0].field, 'path.orderNumber');
    assert.equal((await call(`/admin/orders/by-number/${placed.body.orderNumber}`, seller)).status, 403);

    const byEmail = await call(
      `/admin/orders?buyerEmail=${encodeURIComponent(buyer.email.toUpperCase())}`,
      admin,
    );
    assert.equal(byEmail.status, 200);
    assert.deepEqual(
      byEmail.body.items.map((o: Json) => o.id),
      [direct.body.id, placed.body.id],
      'newest first',
    );
    const byPhone = await call(
      `/admin/orders?buyerPhone=${encodeURIComponent(buyerPhone.replaceAll('-', ''))}`,
      admin,
    );
    assert.deepEqual(
      byPhone.body.items.map((o: Json) => o.id),
      [direct.body.id, placed.body.id],
    );
    const paged = await call(`/admin/orders?sellerId=${seller.id}&size=1`, admin);
    assert.equal(paged.body.items.length, 1);
    const next = await call(
      `/admin/orders?sellerId=${seller.id}&size=1&cursor=${paged.body.nextCursor}`,
      admin,
    );
    assert.equal(next.body.items[0].id, placed.body.id);
    const filtered = await call(
      `/admin/orders?sellerId=${seller.id}&status=PENDING_PAYMENT&orderNumber=${placed.body.orderNumber}`,
      admin,
    );
    assert.deepEqual(
      filtered.body.items.map((o: Json) => o.id),
      [placed.body.id],
    );
    const today = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
    const dated = await call(`/admin/orders?sellerId=${seller.id}&from=${today}&to=${today}`, admin);
    assert.equal(dated.body.items.length, 2);
    const past = await call(`/admin/orders?sellerId=${seller.id}&from=2020-01-01&to=2020-01-31`, admin);
    assert.equal(past.body.items.length, 0);
    const nobody = await call('/admin/orders?buyerEmail=nobody-here@example.com', admin);
    assert.deepEqual(nobody.body.items, []);
    const bad = await call('/admin/orders?from=2026-02-30&buyerPhone=12', admin);
    assert.equal(bad.status, 400);
    assert.ok(
      ['query.from', 'query.buyerPhone'].includes(bad.body.errors[0].field),
      JSON.stringify(bad.body),
    );

    const users = await call(
      `/admin/users?email=${encodeURIComponent(` ${buyer.email.toUpperCase()} `)}`,
      admin,
    );
    assert.equal(users.status, 200);
    assert.deepEqual(
      users.body.items.map((u: Json) => u.id),
      [buyer.id],
    );
    const prefix = await call(`/admin/users?email=${encodeURIComponent(buyer.email.slice(0, 5))}`, admin);
    assert.equal(prefix.status, 400, 'a prefix is not an e-mail address: a keyed hash cannot find it');
    assert.equal(prefix.body.errors[0].field, 'query.email');
  });

  test('conversations show the seller’s company name to both sides', async () => {
    const opened = await call('/chats', buyer, { body: { sellerId: seller.id } });
    assert.ok([200, 201].includes(opened.status), JSON.stringify(opened.body));
    assert.equal(opened.body.sellerName, '바다상회');
    const mine = await call('/chats', buyer);
    assert.equal(mine.body.items.find((c: Json) => c.id === opened.body.id).sellerName, '바다상회');
    const detail = await call(`/chats/${opened.body.id}`, seller);
    assert.equal(detail.body.sellerName, '바다상회');
  });

  test('GET /me/waitlist lists the consumer’s own entries with the product name and place in line', async () => {
    const product = await createProduct(app, seller, {
      name: '한정판 머그컵',
      price: 15_000,
      stocks: [0, 0],
    });
    const [v1, v2] = product.variantIds as [string, string];
    assert.equal((await call(`/variants/${v1}/waitlist`, other, { body: { quantity: 1 } })).status, 201);
    assert.equal((await call(`/variants/${v1}/waitlist`, buyer, { body: { quantity: 2 } })).status, 201);
    assert.equal((await call(`/variants/${v2}/waitlist`, buyer, { body: {} })).status, 201);
    const mine = await call('/me/waitlist', buyer);
    assert.equal(mine.status, 200);
    assert.deepEqual(
      mine.body.items.map((e: Json) => [
        e.variantId,
        e.quantity,
        e.status,
        e.position,
        e.productName,
        e.optionLabel,
      ]),
      [
        [v1, 2, 'WAITING', 2, '한정판 머그컵', '사이즈: S1'],
        [v2, 1, 'WAITING', 1, '한정판 머그컵', '사이즈: S2'],
      ],
    );
    assert.equal((await call('/me/waitlist', other)).body.items.length, 1);
    assert.equal((await call('/me/waitlist', seller)).status, 403);
  });
});
