import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { DataSource } from 'typeorm';
import { createCatalogContext, type CatalogContext } from '../../contexts/catalog.context';
import { contextInfra, type ContextInfra } from '../../contexts/context-infra';
import { createInventoryContext } from '../../contexts/inventory.context';
import type { ProductSearchProjection } from '../../application/catalog/product-search-projection';
import type { ProductSearchDocument } from '../../domain/catalog/search-document';
import { keywordTerms, type ProductSearchQuery } from '../../domain/catalog/search-query';
import type { PublishedEvent } from '../../domain/shared/domain-event';
import { createDataSource } from '../../persistence/data-source';
import { primaryReads } from '../../persistence/read-replicas';
import { DbProductSearchDocumentSource } from '../../persistence/catalog/search/db-product-search-document-source';
import { DbProductSearchIndex } from '../../persistence/catalog/search/db-product-search-index';
import { TailedProductSearch } from '../../persistence/catalog/search/tailed-product-search';
import { MemoryKeyValueStore } from '../../platform/cache/memory-key-value-store';
import { uuidv7 } from '../../platform/ids';
import { createLogger } from '../../platform/observability/logger';
import { describeProductSearchBehaviour, type SearchHarness } from '../search/product-search.behaviour';
import { searchDocument } from '../search/search-documents';
import { dropDatabase, recreateDatabase } from '../support/database';
import { eventually } from '../support/eventually';
import { relayToProjections } from '../support/read-model';

/** The read model and its tail over a database of this suite's own (it empties the table at will). */
async function mariaDb(): Promise<{ dataSource: DataSource; drop(): Promise<void> }> {
  const url = await recreateDatabase(`jangteo_readmodel_${process.pid}_${Math.floor(Math.random() * 1e6)}`);
  const dataSource = await createDataSource({ kind: 'mariadb', url }, { poolSize: 6 }).initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return {
    dataSource,
    async drop() {
      await dataSource.destroy();
      await dropDatabase(url);
    },
  };
}

async function sqlite(): Promise<{ dataSource: DataSource; drop(): Promise<void> }> {
  const directory = mkdtempSync(join(tmpdir(), 'jangteo-read-model-'));
  const dataSource = await createDataSource({
    kind: 'sqlite',
    path: join(directory, 'shop.sqlite'),
  }).initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return {
    dataSource,
    async drop() {
      await dataSource.destroy();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** `load`: retire every document through the writer, write the given ones, and wait for the tail. */
async function tailedHarness(open: typeof mariaDb): Promise<SearchHarness> {
  const { dataSource, drop } = await open();
  const errors: unknown[] = [];
  const writer = new DbProductSearchIndex(dataSource);
  const search = new TailedProductSearch(primaryReads(dataSource), {
    onError: (error) => errors.push(error),
  });
  return {
    search,
    async load(docs) {
      const live: { product_id: string }[] = await dataSource.query(
        'SELECT product_id FROM product_search_documents WHERE removed = 0',
      );
      await writer.remove(live.map((row) => row.product_id));
      await writer.upsert(docs);
      await search.catchUp();
    },
    async close() {
      search.stop();
      await drop();
      assert.deepEqual(errors, [], 'the tail reported no error');
    },
  };
}

describeProductSearchBehaviour('tailed read model on MariaDB', () => tailedHarness(mariaDb));
describeProductSearchBehaviour('tailed read model on SQLite', () => tailedHarness(sqlite));

describe('the read-model tail', () => {
  let db: Awaited<ReturnType<typeof mariaDb>>;
  before(async () => {
    db = await mariaDb();
  });
  after(() => db.drop());

  test('does not miss a write whose transaction commits after a later-stamped one', async () => {
    const writer = new DbProductSearchIndex(db.dataSource);
    const search = new TailedProductSearch(primaryReads(db.dataSource), { pollMs: 20 });
    try {
      await search.ready();
      const slow = db.dataSource.createQueryRunner();
      await slow.connect();
      await slow.startTransaction();
      try {
        // Stamped first (indexed_at = now), committed last.
        await slow.query(
          `INSERT INTO product_search_documents (product_id, seller_id, seller_name, name, description, category_id,
             category_path, category_path_ids, option_values, price, min_price, max_price, status, sellable,
             popularity, thumbnail_key, created_at, removed, revision, indexed_at)
           VALUES ('late', 's', '늦은상점', '늦게 커밋된 텀블러', '', NULL, '[]', '[]', '[]', 1000, 1000, 1000,
             'ON_SALE', 1, 0, NULL, UTC_TIMESTAMP(3), 0, 1, UTC_TIMESTAMP(3))`,
        );
        await new Promise((done) => setTimeout(done, 30));
        await writer.upsert([searchDocument({ id: 'early', name: '먼저 커밋된 텀블러' })]);
        await eventually(async () => (await names(search, '텀블러')).includes('먼저 커밋된 텀블러'), {
          what: 'the early commit to be searchable',
        });
        await slow.commitTransaction();
      } finally {
        await slow.release();
      }
      await eventually(async () => (await names(search, '텀블러')).includes('늦게 커밋된 텀블러'), {
        what: 'the late commit to be searchable',
      });
    } finally {
      search.stop();
    }
  });

  test('after a burst of writes, an idle tail stops re-reading it once the overlap has passed, and still finds the next write', async () => {
    const writer = new DbProductSearchIndex(db.dataSource);
    const reads: number[] = [];
    const search = new TailedProductSearch(primaryReads(db.dataSource), {
      pollMs: 20,
      overlapMs: 400,
      onPolled: (rows) => reads.push(rows),
    });
    try {
      await search.ready();
      for (let batch = 0; batch < 3; batch++) {
        await writer.upsert(
          Array.from({ length: 10 }, (_, i) =>
            searchDocument({ id: `burst-${batch}-${i}`, name: `묶음 ${batch} 물병 ${i}` }),
          ),
        );
        await new Promise((done) => setTimeout(done, 30));
      }
      await eventually(async () => (await names(search, '물병')).length === 30, {
        what: 'the burst to be searchable',
      });
      assert.ok(
        reads.some((rows) => rows >= 30),
        `within the overlap a poll re-reads the whole burst (${reads.join(' ')})`,
      );
      await eventually(async () => reads.slice(-3).every((rows) => rows === 0), {
        what: 'idle polls that read nothing',
        timeoutMs: 5_000,
      });
      await writer.upsert([searchDocument({ id: 'after-burst', name: '나중에 온 물병' })]);
      await eventually(async () => (await names(search, '물병')).includes('나중에 온 물병'), {
        what: 'the next write to be searchable',
      });
    } finally {
      search.stop();
    }
  });

  test('applies removals and never goes back to an older revision', async () => {
    const writer = new DbProductSearchIndex(db.dataSource);
    const search = new TailedProductSearch(primaryReads(db.dataSource), { pollMs: 20 });
    try {
      await writer.upsert([searchDocument({ id: 'gone', name: '사라질 머그컵' })]);
      await search.catchUp();
      assert.deepEqual(await names(search, '머그컵'), ['사라질 머그컵']);
      await writer.upsert([searchDocument({ id: 'gone', name: '이름이 바뀐 머그컵' })]);
      await writer.remove(['gone']);
      await search.catchUp();
      assert.deepEqual(await names(search, '머그컵'), []);
      const [row] = await db.dataSource.query(
        "SELECT revision FROM product_search_documents WHERE product_id = 'gone'",
      );
      assert.equal(Number(row.revision), 3, 'every write moved the revision on');
    } finally {
      search.stop();
    }
  });
});

async function names(search: TailedProductSearch, keyword: string): Promise<string[]> {
  const page = await search.search({ terms: keywordTerms(keyword), sort: 'newest', limit: 50 });
  return page.items.map((item) => item.name).sort();
}

let sequence = 0;
function event(
  type: string,
  payload: Record<string, unknown>,
  aggregate = { type: 'product', id: '' },
): PublishedEvent {
  return {
    id: uuidv7(),
    type,
    aggregateType: aggregate.type,
    aggregateId: aggregate.id || String(payload.productId ?? payload.sellerId ?? payload.categoryId ?? ''),
    occurredAt: new Date(),
    payload,
    sequence: ++sequence,
  };
}

describe('the product-search projection', () => {
  let db: Awaited<ReturnType<typeof mariaDb>>;
  let infra: ContextInfra;
  let catalog: CatalogContext;
  let projection: ProductSearchProjection;
  let tail: TailedProductSearch;
  let directory: string;
  const documents = () => new DbProductSearchDocumentSource(primaryReads(db.dataSource));

  async function documentOf(productId: string): Promise<ProductSearchDocument | undefined> {
    const page = await documents().page(null, 1000);
    return page.find((doc) => doc.productId === productId);
  }
  async function find(query: Partial<ProductSearchQuery> & { keyword?: string }) {
    await tail.catchUp();
    const { keyword, ...rest } = query;
    return catalog.search.search({ terms: keywordTerms(keyword), sort: 'newest', limit: 50, ...rest });
  }
  async function sellerNamed(companyName: string): Promise<string> {
    const sellerId = uuidv7();
    await db.dataSource.query(
      `INSERT INTO seller_profiles (seller_id, business_number, company_name, created_at, updated_at)
       VALUES (?, '1234567891', ?, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))`,
      [sellerId, companyName],
    );
    return sellerId;
  }

  before(async () => {
    db = await mariaDb();
    directory = mkdtempSync(join(tmpdir(), 'jangteo-read-model-images-'));
    infra = contextInfra({
      infrastructure: { dataSource: db.dataSource, kv: new MemoryKeyValueStore() },
      logger: createLogger({ level: 'error', destination: { write: (line: string) => assert.fail(line) } }),
      publicBaseUrl: 'http://localhost',
      imageStorageDir: directory,
    });
    const inventory = createInventoryContext(infra, { catalog: () => catalog });
    catalog = createCatalogContext(infra, { inventory: inventory.inventory });
    projection = catalog.projections[0] as ProductSearchProjection;
    assert.equal(projection.name, 'product-search');
    assert.ok(catalog.search instanceof TailedProductSearch, 'the default search is the tailed read model');
    tail = catalog.search;
  });
  after(async () => {
    catalog.close();
    await db.drop();
    rmSync(directory, { recursive: true, force: true });
  });

  async function earbuds(sellerId: string, categoryId: string | null = null) {
    return catalog.catalog.sellerProducts.createProduct({
      sellerId,
      name: '무선 블루투스 이어폰',
      description: '노이즈 캔슬링',
      price: 59_000,
      categoryId,
      options: [{ name: '색상', values: ['블랙', '화이트'] }],
      variants: [
        { options: { 색상: '블랙' }, stock: 3 },
        { options: { 색상: '화이트' }, stock: 2, priceDelta: 2_000 },
      ],
    });
  }

  test('a new product gets its document: seller, category path, options, price range, stock', async () => {
    const sellerId = await sellerNamed('한빛음향');
    const digital = await catalog.catalog.categories.createCategory({ name: '디지털' });
    const earphones = await catalog.catalog.categories.createCategory({
      name: '이어폰',
      parentId: digital.id,
    });
    const product = await earbuds(sellerId, earphones.id);
    await projection.handle([event('catalog.product.created', { productId: product.id })]);

    const doc = await documentOf(product.id);
    assert.ok(doc, 'the document was written');
    assert.equal(doc.sellerName, '한빛음향');
    assert.deepEqual(doc.categoryPath, ['디지털', '이어폰']);
    assert.deepEqual(doc.categoryPathIds, [digital.id, earphones.id]);
    assert.deepEqual([...doc.optionValues].sort(), ['블랙', '화이트']);
    assert.deepEqual([doc.price, doc.minPrice, doc.maxPrice], [59_000, 59_000, 61_000]);
    assert.equal(doc.status, 'ON_SALE');
    assert.equal(doc.sellable, true);

    const page = await find({ keyword: '블랙', categoryIds: [digital.id] });
    assert.deepEqual(
      page.items.map((item) => [item.id, item.sellerName]),
      [[product.id, '한빛음향']],
    );
    assert.equal(page.total, 1);
    assert.deepEqual(page.facets.sellers, [{ sellerId, sellerName: '한빛음향', count: 1 }]);
    assert.equal((await find({ sellerId: uuidv7() })).total, 0, 'the seller filter applies');
  });

  test('changes, suspension, resumption and a new price follow the product', async () => {
    const sellerId = await sellerNamed('모다상회');
    const product = await earbuds(sellerId);
    const changed = (type: string) => projection.handle([event(type, { productId: product.id })]);
    await changed('catalog.product.created');

    await catalog.catalog.sellerProducts.changeProduct(sellerId, product.id, {
      name: '골전도 이어폰',
      price: 80_000,
    });
    await changed('catalog.product.changed');
    assert.deepEqual(
      (await find({ keyword: '골전도', sellerId })).items.map((i) => i.price),
      [80_000],
    );
    assert.equal((await find({ keyword: '블루투스', sellerId })).total, 0, 'the old name no longer matches');
    const doc = await documentOf(product.id);
    assert.deepEqual([doc?.minPrice, doc?.maxPrice], [80_000, 82_000], 'option prices follow the price');

    await catalog.catalog.sellerProducts.changeProduct(sellerId, product.id, { suspended: true });
    await changed('catalog.product.suspended');
    assert.equal((await find({ keyword: '골전도', sellerId })).total, 0, 'a suspended product is hidden');
    assert.equal((await documentOf(product.id))?.sellable, false);

    await catalog.catalog.sellerProducts.changeProduct(sellerId, product.id, { suspended: false });
    await changed('catalog.product.resumed');
    assert.equal((await find({ keyword: '골전도', sellerId })).total, 1, 'resumed, it is found again');
  });

  test('stock down to zero: SOLD_OUT and not sellable, still listed', async () => {
    const sellerId = await sellerNamed('품절상점');
    const product = await earbuds(sellerId);
    for (const variant of product.variants)
      await catalog.catalog.sellerProducts.setStock(sellerId, variant.id, 0);
    // Inventory's event names the variant; the projection finds its product.
    await projection.handle([
      event(
        'inventory.stock.changed',
        { variantId: product.variants[0]!.id },
        { type: 'stock', id: product.variants[0]!.id },
      ),
    ]);
    const doc = await documentOf(product.id);
    assert.equal(doc?.status, 'SOLD_OUT');
    assert.equal(doc?.sellable, false);
    assert.deepEqual(
      (await find({ sellerId })).items.map((i) => i.status),
      ['SOLD_OUT'],
    );
  });

  test("a seller's new company name reaches all its products, page by page", async () => {
    const sellerId = await sellerNamed('옛날상호');
    const products = [await earbuds(sellerId), await earbuds(sellerId), await earbuds(sellerId)];
    await projection.handle(products.map((p) => event('catalog.product.created', { productId: p.id })));
    await db.dataSource.query("UPDATE seller_profiles SET company_name = '새상호' WHERE seller_id = ?", [
      sellerId,
    ]);
    await projection.handle([
      event('identity.seller.changed', { sellerId }, { type: 'seller', id: sellerId }),
    ]);
    const page = await find({ keyword: '새상호' });
    assert.deepEqual(page.items.map((i) => i.id).sort(), products.map((p) => p.id).sort());
    assert.ok(page.items.every((item) => item.sellerName === '새상호'));
  });

  test('a renamed category re-projects the products below it', async () => {
    const sellerId = await sellerNamed('분류상점');
    const parent = await catalog.catalog.categories.createCategory({ name: '생활' });
    const child = await catalog.catalog.categories.createCategory({ name: '주방', parentId: parent.id });
    const product = await earbuds(sellerId, child.id);
    await projection.handle([event('catalog.product.created', { productId: product.id })]);
    await db.dataSource.query("UPDATE categories SET name = '리빙' WHERE id = ?", [parent.id]);
    await projection.handle([
      event('catalog.category.changed', { categoryId: parent.id }, { type: 'category', id: parent.id }),
    ]);
    assert.deepEqual((await documentOf(product.id))?.categoryPath, ['리빙', '주방']);
  });

  test('a product that no longer exists loses its document', async () => {
    await new DbProductSearchIndex(db.dataSource).upsert([
      searchDocument({ id: uuidv7(), name: '유령 상품' }),
    ]);
    const [ghost] = (await find({ keyword: '유령' })).items;
    assert.ok(ghost);
    await projection.handle([event('catalog.product.changed', { productId: ghost.id })]);
    assert.equal((await find({ keyword: '유령' })).total, 0);
  });

  test('the backfill writes documents for products without one, once', async () => {
    const sellerId = await sellerNamed('기존상점');
    const products = [await earbuds(sellerId), await earbuds(sellerId)];
    assert.equal((await find({ sellerId })).total, 0, 'no document yet (their events were never relayed)');
    const written = await catalog.backfill();
    assert.ok(written >= 2, `backfilled ${written}`);
    assert.deepEqual(
      (await find({ sellerId })).items.map((i) => i.id).sort(),
      products.map((p) => p.id).sort(),
    );
    assert.equal(await catalog.backfill(), 0, 'a second run has nothing to do');
  });

  test('through the outbox relay: a write is searchable shortly after', async () => {
    const sellerId = await sellerNamed('릴레이상점');
    await catalog.backfill();
    const running = await relayToProjections(infra, catalog.projections);
    try {
      const product = await earbuds(sellerId);
      await eventually(async () => (await find({ sellerId })).items.some((i) => i.id === product.id), {
        what: 'the new product in search',
      });
      await catalog.catalog.sellerProducts.changeProduct(sellerId, product.id, { name: '릴레이 스피커' });
      await eventually(async () => (await find({ keyword: '릴레이 스피커' })).total === 1, {
        what: 'the new name in search',
      });
    } finally {
      await running.stop();
    }
  });
});
