import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { listen, type RunningServer } from '../../platform/http-server';
import {
  createAdmin,
  createManager,
  assignManager,
  signUpConsumer,
  signUpSeller,
  type TestAccount,
} from '../support/identity';
import { eventually } from '../support/eventually';
import { jpeg, png } from '../support/images';
import { runReadModel, type RunningProjections } from '../support/read-model';
import { createTestApp, type TestApp } from '../support/test-app';

const PNG = png(64, 48);
const JPEG = jpeg(64, 48);

interface Problem {
  status: number;
  code: string;
  detail?: string;
  errors?: { field: string; message: string }[];
}

type Json = Record<string, unknown> & { id: string };

/** The shared validation hook names body fields `json.<field>`; the domain rules say `body.<field>`. */
const sameField = (actual: string | undefined, expected: string) =>
  actual?.replace(/^json\./, 'body.') === expected;

describe('catalog and inventory over HTTP', () => {
  let app: TestApp;
  let readModel: RunningProjections;
  let seller: TestAccount;
  let consumer: TestAccount;
  let admin: TestAccount;
  // A word no other test uses, so searches see only this suite's products.
  const marker = `zq${randomBytes(4).toString('hex')}`;

  before(async () => {
    app = await createTestApp();
    // Searches answer from the read model: the worker's relay and projection run in this process.
    readModel = await runReadModel(app);
    [seller, consumer, admin] = await Promise.all([signUpSeller(app), signUpConsumer(app), createAdmin(app)]);
  });

  after(async () => {
    await app.dataSource.query(
      'DELETE FROM stock_levels WHERE product_id IN (SELECT id FROM products WHERE seller_id = ?)',
      [seller.id],
    );
    await app.dataSource.query(
      'DELETE FROM product_variants WHERE product_id IN (SELECT id FROM products WHERE seller_id = ?)',
      [seller.id],
    );
    await app.dataSource.query(
      'DELETE FROM product_images WHERE product_id IN (SELECT id FROM products WHERE seller_id = ?)',
      [seller.id],
    );
    await app.dataSource.query('DELETE FROM products WHERE seller_id = ?', [seller.id]);
    await readModel.stop();
    await app.close();
  });

  const post = (path: string, body: unknown, account: TestAccount) =>
    app.request(`/api/v1${path}`, { method: 'POST', body, headers: account.auth });
  const upload = (productId: string, bytes: Uint8Array, filename: string, account = seller) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), filename);
    return app.app.request(`/api/v1/seller/products/${productId}/images`, {
      method: 'POST',
      body: form,
      headers: account.auth,
    });
  };
  async function problemOf(response: Response, status: number): Promise<Problem> {
    assert.equal(response.headers.get('content-type'), 'application/problem+json');
    const body = (await response.json()) as Problem;
    assert.equal(response.status, status, JSON.stringify(body));
    return body;
  }
  async function createProduct(
    overrides: Record<string, unknown> = {},
    account = seller,
  ): Promise<Json & { variants: (Json & { options: Record<string, string> })[] }> {
    const response = await post(
      '/seller/products',
      {
        name: `${marker} 무선 이어폰`,
        description: 'Bluetooth 5.3 노이즈 캔슬링',
        price: 39000,
        options: [
          { name: '색상', values: ['빨강', '파랑'] },
          { name: '사이즈', values: ['S', 'M'] },
        ],
        variants: [
          { options: { 색상: '빨강', 사이즈: 'S' }, stock: 5 },
          { options: { 색상: '파랑', 사이즈: 'M' }, stock: 3, priceDelta: 2000 },
        ],
        ...overrides,
      },
      account,
    );
    const body = await response.json();
    assert.equal(response.status, 201, JSON.stringify(body));
    return body as never;
  }
  const productCount = async () =>
    Number(
      (await app.dataSource.query('SELECT COUNT(*) AS n FROM products WHERE seller_id = ?', [seller.id]))[0]
        .n,
    );

  test('a seller lists a product with options; variants carry their own stock and price', async () => {
    const product = await createProduct();
    assert.equal(product.status, 'ON_SALE');
    assert.deepEqual(
      product.variants.map((v) => [v.options, v.price, v.stock]),
      [
        [{ 색상: '빨강', 사이즈: 'S' }, 39000, 5],
        [{ 색상: '파랑', 사이즈: 'M' }, 41000, 3],
      ],
    );
    const detail = (await (await app.request(`/api/v1/products/${product.id}`)).json()) as {
      variants: { sellable: number }[];
      name: string;
    };
    assert.deepEqual(
      detail.variants.map((v) => v.sellable),
      [5, 3],
    );
  });

  test('bad input is refused with 400 problem+json naming the field, and nothing is stored', async () => {
    const before = await productCount();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ name: '가'.repeat(101) }, 'VALIDATION_FAILED', 'body.name'],
      [{ price: 0 }, 'VALIDATION_FAILED', 'body.price'],
      [
        { variants: [{ options: { 색상: '빨강', 사이즈: 'S' }, stock: -1 }] },
        'VALIDATION_FAILED',
        'body.variants.0.stock',
      ],
      [
        { variants: [{ options: { 색상: '초록', 사이즈: 'S' }, stock: 1 }] },
        'UNKNOWN_OPTION_COMBINATION',
        'body.variants.0.options',
      ],
      [
        { variants: [{ options: { 색상: '빨강' }, stock: 1 }] },
        'UNKNOWN_OPTION_COMBINATION',
        'body.variants.0.options',
      ],
    ];
    for (const [overrides, code, field] of cases) {
      const response = await post(
        '/seller/products',
        {
          name: 'ok',
          price: 1000,
          options: [
            { name: '색상', values: ['빨강'] },
            { name: '사이즈', values: ['S'] },
          ],
          variants: [{ options: { 색상: '빨강', 사이즈: 'S' }, stock: 1 }],
          ...overrides,
        },
        seller,
      );
      const problem = await problemOf(response, 400);
      assert.equal(problem.code, code, JSON.stringify(problem));
      assert.ok(
        problem.errors?.some((e) => sameField(e.field, field)),
        `${code} names ${field}: ${JSON.stringify(problem.errors)}`,
      );
    }
    assert.equal(await productCount(), before);
    // 100 characters (counted as a person counts them) is fine.
    await createProduct({ name: '가'.repeat(100) });
  });

  test('only the seller, or a manager with the PRODUCTS permission, manages products', async () => {
    const manager = await createManager(app, admin);
    await assignManager(app, seller, manager, ['ORDERS']);
    const refused = await post(
      '/seller/products',
      { name: 'x', price: 1, variants: [{ options: {}, stock: 1 }] },
      manager,
    );
    assert.equal(refused.status, 403, await refused.text());
    await assignManager(app, seller, manager, ['PRODUCTS']);
    const product = await createProduct({ name: `${marker} 매니저 등록` }, manager);
    const asSeller = await app.request(`/api/v1/seller/products/${product.id}`, { headers: seller.auth });
    assert.equal(asSeller.status, 200);
    assert.equal(
      (
        await post(
          '/seller/products',
          { name: 'x', price: 1, variants: [{ options: {}, stock: 1 }] },
          consumer,
        )
      ).status,
      403,
    );
    const other = await signUpSeller(app);
    assert.equal(
      (await app.request(`/api/v1/seller/products/${product.id}`, { headers: other.auth })).status,
      404,
    );
  });

  test('images: real types only, at most 5 MB, at most 10; served back with type and cache headers', async () => {
    const product = await createProduct({ name: `${marker} 이미지 상품` });
    const first = await upload(product.id, PNG, 'anything.jpg');
    const image = (await first.json()) as { url: string; contentType: string };
    assert.equal(first.status, 201, JSON.stringify(image));
    assert.equal(image.contentType, 'image/png');
    const served = await app.app.request(new URL(image.url).pathname);
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('content-type'), 'image/png');
    assert.match(served.headers.get('cache-control') ?? '', /max-age=31536000/);
    assert.deepEqual(Buffer.from(await served.arrayBuffer()), PNG);
    const etag = served.headers.get('etag')!;
    assert.equal(
      (await app.app.request(new URL(image.url).pathname, { headers: { 'if-none-match': etag } })).status,
      304,
    );

    const renamed = await problemOf(
      await upload(product.id, Buffer.from('just text, not a picture'), 'photo.jpg'),
      400,
    );
    assert.equal(renamed.code, 'UNSUPPORTED_IMAGE_TYPE');
    assert.equal(renamed.errors?.[0]?.field, 'body.file');
    const big = Buffer.concat([JPEG, Buffer.alloc(6 * 1024 * 1024)]);
    const tooLarge = await problemOf(await upload(product.id, big, 'big.jpg'), 413);
    assert.equal(tooLarge.code, 'IMAGE_TOO_LARGE');

    for (let i = 2; i <= 10; i++) assert.equal((await upload(product.id, JPEG, `${i}.jpg`)).status, 201);
    const eleventh = await problemOf(await upload(product.id, JPEG, '11.jpg'), 400);
    assert.equal(eleventh.code, 'TOO_MANY_IMAGES');
    const view = (await (
      await app.request(`/api/v1/seller/products/${product.id}`, { headers: seller.auth })
    ).json()) as { images: { id: string }[] };
    assert.equal(view.images.length, 10);

    for (const img of view.images) {
      assert.equal(
        (
          await app.request(`/api/v1/seller/products/${product.id}/images/${img.id}`, {
            method: 'DELETE',
            headers: seller.auth,
          })
        ).status,
        204,
      );
    }
    assert.equal((await app.app.request(new URL(image.url).pathname)).status, 404);
  });

  test('a 5 MB image uploads over a real socket in well under 10 seconds', async () => {
    const product = await createProduct({ name: `${marker} 큰 이미지` });
    let server: RunningServer | undefined;
    try {
      server = await listen(app.app.fetch, 0, '127.0.0.1');
      const bytes = Buffer.concat([JPEG, randomBytes(5 * 1024 * 1024 - JPEG.length)]);
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)]), 'big.jpg');
      const started = performance.now();
      const response = await fetch(
        `http://127.0.0.1:${server.port}/api/v1/seller/products/${product.id}/images`,
        { method: 'POST', body: form, headers: seller.auth },
      );
      const elapsed = performance.now() - started;
      const body = (await response.json()) as { id: string };
      assert.equal(response.status, 201, JSON.stringify(body));
      assert.ok(elapsed < 5000, `took ${Math.round(elapsed)} ms`);
      await app.request(`/api/v1/seller/products/${product.id}/images/${body.id}`, {
        method: 'DELETE',
        headers: seller.auth,
      });
    } finally {
      await server?.close();
    }
  });

  test('sold out and back on sale follow the stock; a suspension wins and hides the product', async () => {
    const product = await createProduct({ name: `${marker} 품절 테스트` });
    const putStock = (variantId: string, onHand: number) =>
      app.request(`/api/v1/seller/variants/${variantId}/stock`, {
        method: 'PUT',
        body: { onHand },
        headers: seller.auth,
      });
    const status = async () =>
      (
        (await (
          await app.request(`/api/v1/seller/products/${product.id}`, { headers: seller.auth })
        ).json()) as { status: string }
      ).status;

    assert.equal((await putStock(product.variants[0]!.id, 0)).status, 200);
    assert.equal(await status(), 'ON_SALE');
    const last = await putStock(product.variants[1]!.id, 0);
    assert.deepEqual(await last.json(), { id: product.variants[1]!.id, onHand: 0, reserved: 0, sellable: 0 });
    assert.equal(await status(), 'SOLD_OUT');
    const publicView = (await (await app.request(`/api/v1/products/${product.id}`)).json()) as {
      status: string;
    };
    assert.equal(publicView.status, 'SOLD_OUT');

    assert.equal((await putStock(product.variants[1]!.id, 2)).status, 200);
    assert.equal(await status(), 'ON_SALE');

    const negative = await problemOf(await putStock(product.variants[1]!.id, -1), 400);
    assert.ok(sameField(negative.errors?.[0]?.field, 'body.onHand'), JSON.stringify(negative));

    const suspend = await app.request(`/api/v1/seller/products/${product.id}`, {
      method: 'PATCH',
      body: { status: 'SUSPENDED' },
      headers: seller.auth,
    });
    assert.equal(suspend.status, 200);
    await putStock(product.variants[0]!.id, 4);
    assert.equal(await status(), 'SUSPENDED');
    assert.equal((await app.request(`/api/v1/products/${product.id}`)).status, 404);
    // Search follows the read model (eventually consistent, docs/catalog.md#the-read-model).
    await eventually(
      async () =>
        (
          (await (
            await app.request(`/api/v1/products?q=${encodeURIComponent(`${marker} 품절`)}`)
          ).json()) as { items: unknown[] }
        ).items.length === 0,
      { what: 'the suspended product to leave search' },
    );

    await app.request(`/api/v1/seller/products/${product.id}`, {
      method: 'PATCH',
      body: { status: 'ON_SALE' },
      headers: seller.auth,
    });
    assert.equal(await status(), 'ON_SALE');
  });

  test('product detail is cached and a change is visible at once', async () => {
    const product = await createProduct({ name: `${marker} 캐시 전` });
    assert.equal(
      ((await (await app.request(`/api/v1/products/${product.id}`)).json()) as { name: string }).name,
      `${marker} 캐시 전`,
    );
    assert.ok(await app.kv.get(`catalog:product:${product.id}`), 'detail is in the cache');
    await app.request(`/api/v1/seller/products/${product.id}`, {
      method: 'PATCH',
      body: { name: `${marker} 캐시 후`, price: 45000 },
      headers: seller.auth,
    });
    const after = (await (await app.request(`/api/v1/products/${product.id}`)).json()) as {
      name: string;
      price: number;
    };
    assert.deepEqual([after.name, after.price], [`${marker} 캐시 후`, 45000]);
  });

  test('search: Korean and English keywords, category subtree, price range, sorts and cursor pages', async () => {
    const createCategory = async (name: string, parentId?: string) => {
      const response = await post('/admin/categories', { name, parentId }, admin);
      assert.equal(response.status, 201);
      return ((await response.json()) as Json).id;
    };
    const root = await createCategory(`${marker} 가전`);
    const child = await createCategory('음향', root);
    const grandchild = await createCategory('이어폰', child);
    const other = await createCategory(`${marker} 패션`);
    assert.equal((await post('/admin/categories', { name: 'x' }, seller)).status, 403);

    // Not the marker plus a letter: one typo away from it, which search tolerates in long words.
    const tag = `zs${randomBytes(4).toString('hex')}`;
    const made = [];
    for (const [name, price, categoryId] of [
      [`${tag} Wireless Earbuds`, 30000, grandchild],
      [`${tag} 블루투스 스피커`, 50000, child],
      [`${tag} 블루투스 헤드폰`, 70000, root],
      [`${tag} 가죽 지갑`, 20000, other],
    ] as const) {
      made.push(
        await createProduct({ name, price, categoryId, options: [], variants: [{ options: {}, stock: 3 }] }),
      );
    }
    const search = async (query: string) => {
      const response = await app.request(`/api/v1/products?${query}`);
      const body = (await response.json()) as {
        items: { name: string; price: number }[];
        nextCursor: string | null;
      };
      assert.equal(response.status, 200, JSON.stringify(body));
      return body;
    };
    const names = (page: { items: { name: string }[] }) =>
      page.items.map((i) => i.name.replace(`${tag} `, ''));
    // The read model follows the writes within about 2 s; once all four are in, every query below sees them.
    await eventually(async () => (await search(`q=${tag}`)).items.length === made.length, {
      what: 'the new products in search',
    });

    assert.deepEqual(names(await search(`q=${encodeURIComponent(`${tag} 블루투스`)}&sort=price_asc`)), [
      '블루투스 스피커',
      '블루투스 헤드폰',
    ]);
    assert.deepEqual(names(await search(`q=${encodeURIComponent(`${tag} 루투`)}&sort=price_asc`)), [
      '블루투스 스피커',
      '블루투스 헤드폰',
    ]);
    assert.deepEqual(names(await search(`q=${encodeURIComponent(`${tag} EARBUDS`)}`)), ['Wireless Earbuds']);
    assert.deepEqual(names(await search(`q=${tag}&categoryId=${child}&sort=price_asc`)), [
      'Wireless Earbuds',
      '블루투스 스피커',
    ]);
    assert.deepEqual(names(await search(`q=${tag}&categoryId=${root}&sort=price_desc`)), [
      '블루투스 헤드폰',
      '블루투스 스피커',
      'Wireless Earbuds',
    ]);
    assert.deepEqual(names(await search(`q=${tag}&minPrice=25000&maxPrice=60000&sort=price_asc`)), [
      'Wireless Earbuds',
      '블루투스 스피커',
    ]);
    assert.deepEqual(names(await search(`q=${tag}`)), [
      '가죽 지갑',
      '블루투스 헤드폰',
      '블루투스 스피커',
      'Wireless Earbuds',
    ]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await search(`q=${tag}&sort=price_asc&size=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...names(page));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, ['가죽 지갑', 'Wireless Earbuds', '블루투스 스피커', '블루투스 헤드폰']);

    const tree = (await (await app.request('/api/v1/categories')).json()) as {
      items: { id: string; children: { id: string; children: { id: string }[] }[] }[];
    };
    const node = tree.items.find((n) => n.id === root)!;
    assert.equal(node.children[0]!.children[0]!.id, grandchild);

    assert.equal(
      (await problemOf(await app.request('/api/v1/products?size=101'), 400)).errors?.[0]?.field,
      'query.size',
    );
    assert.equal(
      (await problemOf(await app.request('/api/v1/products?cursor=garbage'), 400)).errors?.[0]?.field,
      'query.cursor',
    );
    assert.equal(
      (await problemOf(await app.request('/api/v1/products?categoryId=nope'), 400)).code,
      'CATEGORY_NOT_FOUND',
    );
  });

  test('waiting queue: consumers line up for a sold-out variant, first come first served', async () => {
    const product = await createProduct({
      name: `${marker} 대기열`,
      options: [],
      variants: [{ options: {}, stock: 0 }],
    });
    const variantId = product.variants[0]!.id;
    const join = (account: TestAccount) =>
      app.request(`/api/v1/variants/${variantId}/waitlist`, {
        method: 'POST',
        body: { quantity: 1 },
        headers: account.auth,
      });
    const first = await join(consumer);
    const entry = (await first.json()) as { position: number; status: string; id: string };
    assert.equal(first.status, 201, JSON.stringify(entry));
    assert.deepEqual([entry.position, entry.status], [1, 'WAITING']);
    const again = await join(consumer);
    assert.equal(again.status, 200);
    assert.equal(((await again.json()) as { id: string }).id, entry.id);
    const second = (await (await join(await signUpConsumer(app))).json()) as { position: number };
    assert.equal(second.position, 2);
    assert.equal((await join(seller)).status, 403);

    const inStock = await createProduct({
      name: `${marker} 재고 있음`,
      options: [],
      variants: [{ options: {}, stock: 2 }],
    });
    const refused = await problemOf(
      await app.request(`/api/v1/variants/${inStock.variants[0]!.id}/waitlist`, {
        method: 'POST',
        body: {},
        headers: consumer.auth,
      }),
      409,
    );
    assert.equal(refused.code, 'STOCK_AVAILABLE');
    assert.equal(
      (
        await app.request(`/api/v1/variants/${variantId}/waitlist`, {
          method: 'DELETE',
          headers: consumer.auth,
        })
      ).status,
      204,
    );
    await app.dataSource.query('DELETE FROM waitlist_entries WHERE variant_id = ?', [variantId]);
  });
});
