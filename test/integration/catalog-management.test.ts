import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { eventually } from '../support/eventually';
import {
  assignManager,
  createAdmin,
  createManager,
  signUpConsumer,
  signUpSeller,
  type TestAccount,
} from '../support/identity';
import { address, apiCall, cardPayment } from '../support/ordering';
import { runReadModel, type RunningProjections } from '../support/read-model';
import { createTimeSkippingEnvironment } from '../support/temporal';
import { createTestApp, type TestApp } from '../support/test-app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('catalogue management (issue #19, point 4)', () => {
  let env: TestWorkflowEnvironment;
  let app: TestApp;
  let readModel: RunningProjections;
  let seller: TestAccount;
  let otherSeller: TestAccount;
  let buyer: TestAccount;
  let admin: TestAccount;
  // Words no other suite uses, so searches and lists see only this suite's products.
  const marker = `zm${randomBytes(4).toString('hex')}`;
  const call = (path: string, account: TestAccount, init: Parameters<typeof apiCall>[3] = {}) =>
    apiCall(app, path, account, init);

  const newProduct = async (
    account: TestAccount,
    name: string,
    extra: Json = {},
    variants: Json[] = [{ options: { 사이즈: 'M' }, stock: 3 }],
  ) => {
    const made = await call('/seller/products', account, {
      body: {
        name,
        description: '관리 테스트',
        price: 20_000,
        options: [{ name: '사이즈', values: [...new Set(variants.map((v) => v.options['사이즈']))] }],
        variants,
        ...extra,
      },
    });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    return made.body;
  };
  const search = async (query: string) => {
    const response = await app.request(`/api/v1/products?${query}`);
    const body = (await response.json()) as Json;
    assert.equal(response.status, 200, JSON.stringify(body));
    return body;
  };
  const searchIds = async (query: string): Promise<string[]> =>
    (await search(query)).items.map((item: Json) => item.id);

  before(async () => {
    // POST /orders starts OrderLifecycle: a server is needed, no worker.
    env = await createTimeSkippingEnvironment();
    app = await createTestApp({ temporal: env });
    readModel = await runReadModel(app);
    [seller, otherSeller, buyer, admin] = await Promise.all([
      signUpSeller(app),
      signUpSeller(app),
      signUpConsumer(app),
      createAdmin(app),
    ]);
  });

  after(async () => {
    const orders = (await app.dataSource.query('SELECT id FROM orders WHERE user_id = ?', [buyer.id])) as {
      id: string;
    }[];
    for (const { id } of orders) {
      for (const table of ['order_history', 'order_lines', 'order_parts'])
        await app.dataSource.query(`DELETE FROM ${table} WHERE order_id = ?`, [id]);
      await app.dataSource.query('DELETE FROM stock_reservations WHERE reference = ?', [id]);
    }
    await app.dataSource.query('DELETE FROM orders WHERE user_id = ?', [buyer.id]);
    for (const account of [seller, otherSeller]) {
      for (const table of ['stock_levels', 'product_variants', 'product_images'])
        await app.dataSource.query(
          `DELETE FROM ${table} WHERE product_id IN (SELECT id FROM products WHERE seller_id = ?)`,
          [account.id],
        );
      await app.dataSource.query('DELETE FROM products WHERE seller_id = ?', [account.id]);
    }
    await readModel?.stop();
    await app?.close();
    await env?.teardown();
  });

  test("a seller's own list: suspended and sold-out included, status and name filters, newest first, pages", async () => {
    const onSale = await newProduct(seller, `${marker} 린넨 셔츠`);
    const soldOut = await newProduct(seller, `${marker} 울 코트`, {}, [
      { options: { 사이즈: 'M' }, stock: 0 },
    ]);
    const suspended = await newProduct(seller, `${marker} 린넨 바지`);
    const hidden = await call(`/seller/products/${suspended.id}`, seller, {
      method: 'PATCH',
      body: { status: 'SUSPENDED' },
    });
    assert.equal(hidden.status, 200);
    await newProduct(otherSeller, `${marker} 남의 셔츠`);

    // Read from the write tables: the suspension shows at once, no waiting on the read model.
    const all = await call(`/seller/products?q=${marker}`, seller);
    assert.equal(all.status, 200, JSON.stringify(all.body));
    assert.deepEqual(
      all.body.items.map((p: Json) => [p.id, p.status]),
      [
        [suspended.id, 'SUSPENDED'],
        [soldOut.id, 'SOLD_OUT'],
        [onSale.id, 'ON_SALE'],
      ],
      "newest first, only the seller's own",
    );
    assert.equal(all.body.items[2].variants[0].stock, 3, 'stock per variant, as on the product read');
    assert.equal(all.body.nextCursor, null);

    const only = async (query: string) =>
      (await call(`/seller/products?${query}`, seller)).body.items.map((p: Json) => p.id);
    assert.deepEqual(await only(`q=${marker}&status=SUSPENDED`), [suspended.id]);
    assert.deepEqual(await only(`q=${marker}&status=SOLD_OUT`), [soldOut.id]);
    assert.deepEqual(await only(`q=${encodeURIComponent(`${marker} 린넨`)}`), [suspended.id, onSale.id]);
    assert.deepEqual(await only(`q=${encodeURIComponent('100%_없는')}`), [], 'LIKE wildcards are literal');

    const first = await call(`/seller/products?q=${marker}&size=2`, seller);
    assert.deepEqual(
      first.body.items.map((p: Json) => p.id),
      [suspended.id, soldOut.id],
    );
    assert.ok(first.body.nextCursor);
    const second = await call(`/seller/products?q=${marker}&size=2&cursor=${first.body.nextCursor}`, seller);
    assert.deepEqual(
      second.body.items.map((p: Json) => p.id),
      [onSale.id],
    );
    assert.equal(second.body.nextCursor, null);

    const manager = await createManager(app, admin);
    await assignManager(app, seller, manager, ['PRODUCTS']);
    const asManager = await call(`/seller/products?q=${marker}`, manager, {
      headers: { 'X-Seller-Id': seller.id },
    });
    assert.equal(asManager.status, 200, JSON.stringify(asManager.body));
    assert.equal(asManager.body.items.length, 3);
    const ordersOnly = await createManager(app, admin);
    await assignManager(app, seller, ordersOnly, ['ORDERS']);
    assert.equal(
      (await call('/seller/products', ordersOnly, { headers: { 'X-Seller-Id': seller.id } })).status,
      403,
    );
    assert.equal((await call('/seller/products', buyer)).status, 403);

    const badStatus = await call('/seller/products?status=DELETED', seller);
    assert.equal(badStatus.status, 400);
    assert.equal(badStatus.body.errors?.[0]?.field, 'query.status');
    const badCursor = await call('/seller/products?cursor=garbage', seller);
    assert.equal(badCursor.status, 400);
    assert.equal(badCursor.body.errors?.[0]?.field, 'query.cursor');
  });

  test('retiring the only variant with stock leaves the product sold out', async () => {
    const product = await newProduct(seller, `${marker} 양말`, {}, [
      { options: { 사이즈: 'S' }, stock: 0 },
      { options: { 사이즈: 'L' }, stock: 5 },
    ]);
    const large = product.variants.find((v: Json) => v.options['사이즈'] === 'L');
    assert.equal((await call(`/products/${product.id}`, buyer)).body.status, 'ON_SALE');
    const removed = await call(`/seller/products/${product.id}/variants/${large.id}`, seller, {
      method: 'DELETE',
    });
    assert.equal(removed.status, 200, JSON.stringify(removed.body));
    assert.equal(removed.body.status, 'SOLD_OUT', 'the retired variant’s 5 units are not for sale');
    assert.equal((await call(`/products/${product.id}`, buyer)).body.status, 'SOLD_OUT');
  });

  test('a variant added after listing is orderable and searchable; a removed one leaves sale but stays in past orders', async () => {
    const colour = `${marker}라임`;
    const product = await newProduct(seller, `${marker} 후드티`);
    const added = await call(`/seller/products/${product.id}/variants`, seller, {
      body: { options: { 사이즈: colour }, stock: 4, priceDelta: 2_000 },
    });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    assert.deepEqual(
      added.body.options,
      [{ name: '사이즈', values: ['M', colour] }],
      'the value joins the option',
    );
    const variant = added.body.variants.find((v: Json) => v.options['사이즈'] === colour);
    assert.ok(variant);
    assert.equal(variant.stock, 4);

    // The read model follows the variants-changed event: the new option value is searchable.
    await eventually(async () => (await searchIds(`q=${encodeURIComponent(colour)}`)).includes(product.id), {
      what: 'the new option value in search',
    });

    const repriced = await call(`/seller/products/${product.id}/variants/${variant.id}`, seller, {
      method: 'PATCH',
      body: { priceDelta: 3_000 },
    });
    assert.equal(repriced.status, 200, JSON.stringify(repriced.body));
    const detail = await call(`/products/${product.id}`, buyer);
    assert.equal(detail.body.variants.find((v: Json) => v.id === variant.id).price, 23_000);

    const placed = await call('/orders', buyer, {
      body: {
        items: [{ variantId: variant.id, quantity: 1 }],
        shippingAddress: address(),
        payment: cardPayment,
      },
    });
    assert.equal(placed.status, 201, JSON.stringify(placed.body));

    const removed = await call(`/seller/products/${product.id}/variants/${variant.id}`, seller, {
      method: 'DELETE',
    });
    assert.equal(removed.status, 200, JSON.stringify(removed.body));
    assert.deepEqual(
      removed.body.variants.map((v: Json) => v.options['사이즈']),
      ['M'],
    );
    const after = await call(`/products/${product.id}`, buyer);
    assert.deepEqual(
      after.body.variants.map((v: Json) => v.options['사이즈']),
      ['M'],
      'no longer shown',
    );
    const refused = await call('/orders', buyer, {
      body: {
        items: [{ variantId: variant.id, quantity: 1 }],
        shippingAddress: address(),
        payment: cardPayment,
      },
    });
    assert.equal(refused.status, 409, JSON.stringify(refused.body));
    assert.equal(refused.body.code, 'PRODUCT_UNAVAILABLE');

    const past = await call(`/orders/${placed.body.id}`, buyer);
    assert.equal(past.status, 200);
    const line = past.body.parts.flatMap((p: Json) => p.lines).find((l: Json) => l.variantId === variant.id);
    assert.deepEqual(
      [line.productName, line.options, line.unitPrice],
      [`${marker} 후드티`, { 사이즈: colour }, 23_000],
    );
    const [row] = (await app.dataSource.query('SELECT active FROM product_variants WHERE id = ?', [
      variant.id,
    ])) as { active: number }[];
    assert.equal(Number(row?.active), 0, 'the ordered variant is kept, inactive');

    // The same combination again brings the removed variant back, with its id.
    const back = await call(`/seller/products/${product.id}/variants`, seller, {
      body: { options: { 사이즈: colour }, stock: 2 },
    });
    assert.equal(back.status, 201, JSON.stringify(back.body));
    const restored = back.body.variants.find((v: Json) => v.options['사이즈'] === colour);
    assert.equal(restored.id, variant.id);
    assert.deepEqual([restored.priceDelta, restored.stock], [0, 2]);

    const duplicate = await call(`/seller/products/${product.id}/variants`, seller, {
      body: { options: { 사이즈: 'M' }, stock: 1 },
    });
    assert.equal(duplicate.status, 400);
    assert.equal(duplicate.body.code, 'DUPLICATE_VARIANT');
    const unknown = await call(`/seller/products/${product.id}/variants`, seller, {
      body: { options: { 사이즈: 'L', 색상: '빨강' }, stock: 1 },
    });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.code, 'UNKNOWN_OPTION_COMBINATION');
    const tooCheap = await call(`/seller/products/${product.id}/variants/${variant.id}`, seller, {
      method: 'PATCH',
      body: { priceDelta: -20_000 },
    });
    assert.equal(tooCheap.status, 400);
    assert.equal(tooCheap.body.errors?.[0]?.field, 'body.priceDelta');

    const single = await newProduct(seller, `${marker} 양말`);
    const last = await call(`/seller/products/${single.id}/variants/${single.variants[0].id}`, seller, {
      method: 'DELETE',
    });
    assert.equal(last.status, 409);
    assert.equal(last.body.code, 'LAST_VARIANT');
    const notMine = await call(`/seller/products/${product.id}/variants/${variant.id}`, otherSeller, {
      method: 'DELETE',
    });
    assert.equal(notMine.status, 404);
  });

  test('admins rename, move and delete categories; search paths follow, deletion is refused while in use', async () => {
    const createCategory = async (name: string, parentId?: string) => {
      const made = await call('/admin/categories', admin, { body: { name, parentId } });
      assert.equal(made.status, 201, JSON.stringify(made.body));
      return made.body.id as string;
    };
    const clothes = await createCategory(`${marker} 의류`);
    const tops = await createCategory('상의', clothes);
    const tees = await createCategory('티셔츠', tops);
    const sale = await createCategory(`${marker} 기획전`);
    const product = await newProduct(seller, `${marker} 반팔 티`, { categoryId: tees });
    await eventually(async () => (await searchIds(`categoryId=${clothes}`)).includes(product.id), {
      what: 'the product under its category',
    });

    const newName = `${marker}여름상의`;
    const renamed = await call(`/admin/categories/${tops}`, admin, {
      method: 'PATCH',
      body: { name: newName },
    });
    assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
    assert.equal(renamed.body.name, newName);
    // The category path is searchable text of the document: the new name finds the product.
    await eventually(async () => (await searchIds(`q=${encodeURIComponent(newName)}`)).includes(product.id), {
      what: 'the renamed category in the search document',
    });

    const loop = await call(`/admin/categories/${tops}`, admin, {
      method: 'PATCH',
      body: { parentId: tees },
    });
    assert.equal(loop.status, 400);
    assert.equal(loop.body.errors?.[0]?.field, 'body.parentId');

    const moved = await call(`/admin/categories/${tops}`, admin, {
      method: 'PATCH',
      body: { parentId: sale },
    });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.deepEqual([moved.body.parentId, moved.body.depth], [sale, 1]);
    const rows = (await app.dataSource.query('SELECT id, path, depth FROM categories WHERE id IN (?, ?)', [
      tops,
      tees,
    ])) as { id: string; path: string; depth: number }[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    assert.equal(byId.get(tees)?.path, `/${sale}/${tops}/${tees}/`, 'the subtree is re-rooted');
    assert.equal(Number(byId.get(tees)?.depth), 2);
    await eventually(
      async () =>
        (await searchIds(`categoryId=${sale}`)).includes(product.id) &&
        !(await searchIds(`categoryId=${clothes}`)).includes(product.id),
      { what: 'search to follow the move' },
    );
    const tree = await app.request('/api/v1/categories');
    const roots = ((await tree.json()) as Json).items as Json[];
    const saleNode = roots.find((node) => node.id === sale);
    assert.deepEqual(
      saleNode?.children.map((c: Json) => [c.name, c.children.map((g: Json) => g.name)]),
      [[newName, ['티셔츠']]],
    );

    const inUse = await call(`/admin/categories/${tees}`, admin, { method: 'DELETE' });
    assert.equal(inUse.status, 409);
    assert.equal(inUse.body.code, 'CATEGORY_IN_USE');
    assert.ok(inUse.body.detail, 'a message for people says why');
    const withChildren = await call(`/admin/categories/${sale}`, admin, { method: 'DELETE' });
    assert.equal(withChildren.status, 409);
    assert.equal((await call(`/admin/categories/${clothes}`, admin, { method: 'DELETE' })).status, 204);
    assert.equal((await call(`/admin/categories/${clothes}`, admin, { method: 'DELETE' })).status, 404);
    assert.equal((await call(`/admin/categories/${tops}`, seller, { method: 'DELETE' })).status, 403);

    const moveOut = await call(`/seller/products/${product.id}`, seller, {
      method: 'PATCH',
      body: { categoryId: null },
    });
    assert.equal(moveOut.status, 200);
    assert.equal((await call(`/admin/categories/${tees}`, admin, { method: 'DELETE' })).status, 204);
  });
});

/** Embedded mode: the same list, variant and category changes on SQLite. */
