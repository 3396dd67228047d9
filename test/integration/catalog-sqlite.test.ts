import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { DataSource } from 'typeorm';
import { keywordTerms } from '../../domain/catalog/search-query';
import { contextInfra } from '../../contexts/context-infra';
import { MemoryKeyValueStore } from '../../platform/cache/memory-key-value-store';
import { uuidv7 } from '../../platform/ids';
import { createLogger } from '../../platform/observability/logger';
import { catalogAndInventory } from '../support/contexts';
import { eventually } from '../support/eventually';
import { openSqliteDatabase } from '../support/sqlite-database';
import { relayToProjections, type RunningProjections } from '../support/read-model';

/** Embedded mode: the same catalog and inventory code on SQLite, with the in-memory cache. */
describe('catalog and inventory on SQLite (embedded mode)', () => {
  let directory: string;
  let dataSource: DataSource;
  let services: ReturnType<typeof catalogAndInventory>;
  let readModel: RunningProjections;

  before(async () => {
    ({ directory, dataSource } = await openSqliteDatabase('jangteo-catalog-'));
    const infra = contextInfra({
      infrastructure: { dataSource, kv: new MemoryKeyValueStore() },
      // Any error the services log (a cache, a listener) fails the test.
      logger: createLogger({ level: 'error', destination: { write: (line: string) => assert.fail(line) } }),
      publicBaseUrl: 'http://localhost',
      imageStorageDir: join(directory, 'images'),
    });
    services = catalogAndInventory(infra);
    // The embedded shop relays events to the read model's projection in its own process.
    readModel = await relayToProjections(infra, services.projections);
  });

  after(async () => {
    await readModel.stop();
    services.closeCatalog();
    await dataSource.destroy();
    rmSync(directory, { recursive: true, force: true });
  });

  test('list, search, page, reserve, sell out and restock', async () => {
    const { catalog, inventory } = services;
    const category = await catalog.categories.createCategory({ name: '음향' });
    const sellerId = uuidv7();
    const made = [];
    for (const [name, price] of [
      ['블루투스 스피커', 50000],
      ['Wireless 블루투스 이어폰', 30000],
      ['가죽 지갑', 20000],
    ] as const) {
      made.push(
        await catalog.sellerProducts.createProduct({
          sellerId,
          name,
          description: '선물용',
          price,
          categoryId: category.id,
          options: [],
          variants: [{ options: {}, stock: 1 }],
        }),
      );
    }
    await eventually(
      async () =>
        (await catalog.browsing.search({ terms: [], categoryId: category.id, sort: 'newest', limit: 5 }))
          .total === made.length,
      { what: 'the new products in the read model' },
    );
    const page1 = await catalog.browsing.search({
      terms: keywordTerms('블루투스'),
      sort: 'price_asc',
      limit: 1,
    });
    assert.deepEqual(
      page1.items.map((i) => i.name),
      ['Wireless 블루투스 이어폰'],
    );
    const page2 = await catalog.browsing.search({
      terms: keywordTerms('블루투스'),
      sort: 'price_asc',
      limit: 1,
      after: page1.nextCursor!,
    });
    assert.deepEqual(
      page2.items.map((i) => i.name),
      ['블루투스 스피커'],
    );
    const newest = await catalog.browsing.search({
      terms: [],
      categoryId: category.id,
      sort: 'newest',
      limit: 2,
    });
    const older = await catalog.browsing.search({
      terms: [],
      categoryId: category.id,
      sort: 'newest',
      limit: 2,
      after: newest.nextCursor!,
    });
    assert.deepEqual(
      [...newest.items, ...older.items].map((i) => i.name),
      ['가죽 지갑', 'Wireless 블루투스 이어폰', '블루투스 스피커'],
    );

    const wallet = made[2]!;
    const variantId = wallet.variants[0]!.id;
    await inventory.reserve(uuidv7(), [{ variantId, quantity: 1 }]);
    await assert.rejects(inventory.reserve(uuidv7(), [{ variantId, quantity: 1 }]), /sellable/);
    assert.equal((await catalog.sellerProducts.sellerProduct(sellerId, wallet.id)).status, 'SOLD_OUT');
    await inventory.setOnHand(variantId, 3);
    const detail = await catalog.browsing.productDetail(wallet.id);
    assert.equal(detail?.status, 'ON_SALE');
    assert.equal(detail?.variants[0]?.sellable, 2);
  });
});
