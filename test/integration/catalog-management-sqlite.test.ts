import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { DataSource } from 'typeorm';
import { contextInfra } from '../../contexts/context-infra';
import { MemoryKeyValueStore } from '../../platform/cache/memory-key-value-store';
import { uuidv7 } from '../../platform/ids';
import { createLogger } from '../../platform/observability/logger';
import { catalogAndInventory } from '../support/contexts';
import { openSqliteDatabase } from '../support/sqlite-database';

describe('catalogue management on SQLite (embedded mode)', () => {
  let directory: string;
  let dataSource: DataSource;
  let services: ReturnType<typeof catalogAndInventory>;

  before(async () => {
    ({ directory, dataSource } = await openSqliteDatabase('jangteo-catalog-management-'));
    services = catalogAndInventory(
      contextInfra({
        infrastructure: { dataSource, kv: new MemoryKeyValueStore() },
        logger: createLogger({ level: 'error', destination: { write: (line: string) => assert.fail(line) } }),
        publicBaseUrl: 'http://localhost',
        imageStorageDir: join(directory, 'images'),
      }),
    );
  });

  after(async () => {
    services.closeCatalog();
    await dataSource.destroy();
    rmSync(directory, { recursive: true, force: true });
  });

  test('own list with filters and cursor, variants added and removed, a subtree moved', async () => {
    const { catalog } = services;
    const sellerId = uuidv7();
    const made = [];
    for (const [name, stock] of [
      ['면 100% 셔츠', 2],
      ['울 코트', 0],
      ['면 바지', 1],
    ] as const) {
      made.push(
        await catalog.sellerProducts.createProduct({
          sellerId,
          name,
          description: '',
          price: 10_000,
          categoryId: null,
          options: [{ name: '사이즈', values: ['M'] }],
          variants: [{ options: { 사이즈: 'M' }, stock }],
        }),
      );
    }
    const list = (query: Parameters<typeof catalog.sellerListing.list>[1]) =>
      catalog.sellerListing.list(sellerId, query);
    const first = await list({ limit: 2 });
    assert.deepEqual(
      first.items.map((p) => p.name),
      ['면 바지', '울 코트'],
    );
    const second = await list({ limit: 2, after: first.next! });
    assert.deepEqual(
      second.items.map((p) => p.name),
      ['면 100% 셔츠'],
    );
    assert.equal(second.next, null);
    assert.deepEqual(
      (await list({ limit: 10, q: '100%' })).items.map((p) => p.name),
      ['면 100% 셔츠'],
    );
    assert.deepEqual(
      (await list({ limit: 10, status: 'SOLD_OUT' })).items.map((p) => p.name),
      ['울 코트'],
    );

    const coat = made[1]!;
    const added = await catalog.sellerVariants.addVariant(sellerId, coat.id, {
      options: { 사이즈: 'L' },
      stock: 3,
    });
    assert.equal(added.status, 'ON_SALE', 'a variant with stock puts a sold-out product on sale');
    const large = added.variants.find((v) => v.options['사이즈'] === 'L')!;
    const removed = await catalog.sellerVariants.removeVariant(sellerId, coat.id, large.id);
    assert.deepEqual(
      removed.variants.map((v) => v.options['사이즈']),
      ['M'],
    );
    const back = await catalog.sellerVariants.addVariant(sellerId, coat.id, {
      options: { 사이즈: 'L' },
      stock: 1,
    });
    assert.equal(back.variants.find((v) => v.options['사이즈'] === 'L')?.id, large.id);

    const a = await catalog.categories.createCategory({ name: '가' });
    const b = await catalog.categories.createCategory({ name: '나', parentId: a.id });
    const c = await catalog.categories.createCategory({ name: '다' });
    await catalog.categoryAdmin.changeCategory(b.id, { parentId: c.id, name: '나나' });
    const tree = await catalog.categories.categoryTree();
    assert.deepEqual(
      tree.map((node) => [node.name, node.children.map((child) => child.name)]),
      [
        ['가', []],
        ['다', ['나나']],
      ],
    );
    await assert.rejects(catalog.categoryAdmin.deleteCategory(c.id), { code: 'CATEGORY_IN_USE' });
    await catalog.categoryAdmin.deleteCategory(a.id);
  });
});
