/**
 * `npm run bench:catalog [-- 10000 100000]`: generates products into a dedicated MariaDB database
 * (BENCH_DATABASE_URL, default mysql://root@127.0.0.1:3306/jangteo_bench, recreated on every run)
 * and measures, on this machine:
 *   - product search latency (p50 / p95) through the default search port (the read model's
 *     in-memory index, after the projection's backfill wrote every product's document);
 *   - product detail latency (p95) through the HTTP app with a warm Redis cache;
 *   - reservations per second on one hot SKU (guarded statement, one transaction each).
 * Targets (issue 4): search p95 < 200 ms at 100k products, detail p95 < 50 ms warm, ≥ 1,000 hot-SKU reservations/s.
 */
import type { DataSource } from 'typeorm';
import { composeApp } from '../api/compose-app';
import { searchTextOf } from '../domain/catalog/product';
import { keywordTerms, type ProductSearchQuery, type ProductSort } from '../domain/catalog/search-query';
import { createDataSource } from '../persistence/data-source';
import { TailedProductSearch } from '../persistence/catalog/search/tailed-product-search';
import { createCatalogContext } from '../contexts/catalog.context';
import { contextInfra } from '../contexts/context-infra';
import { createInventoryContext } from '../contexts/inventory.context';
import { TypeOrmCategoryRepository } from '../persistence/catalog/typeorm-category.repository';
import { createInventory } from '../contexts/inventory.context';
import { RedisKeyValueStore } from '../platform/cache/redis-key-value-store';
import { uuidv7 } from '../platform/ids';
import type { Infrastructure } from '../platform/infrastructure';
import { createLogger } from '../platform/observability/logger';
import { createMetrics } from '../platform/observability/metrics';
import type { TemporalClientHandle } from '../platform/temporal/temporal-client';
import { ms, percentile, recreateDatabase } from './shop-processes';

const BENCH_URL = process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/jangteo_bench';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0';
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const SIZES = sizes.length > 0 ? sizes : [10_000, 100_000];

// A deterministic generator so every run builds the same catalog.
let seed = 42;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;

const adjectives = [
  '무선',
  '프리미엄',
  '초경량',
  '방수',
  '가죽',
  '면',
  '스테인리스',
  '유기농',
  'Wireless',
  'Premium',
  'Vintage',
  'Smart',
  'Eco',
  '수제',
  '대용량',
  '미니',
];
const nouns = [
  '블루투스 이어폰',
  '스피커',
  '헤드폰',
  '지갑',
  '백팩',
  '텀블러',
  '운동화',
  '티셔츠',
  '청바지',
  '캠핑 의자',
  '전기포트',
  '키보드',
  'Mouse',
  'Backpack',
  'Sneakers',
  'Tumbler',
  '후드티',
  '선크림',
  '샴푸',
  '커피 원두',
];
const phrases = [
  '가볍고 튼튼합니다',
  '선물용으로 좋아요',
  '국내 배송',
  'Free shipping',
  'best seller',
  '한정 수량',
  '정품 보증',
  '빠른 배송',
  'limited edition',
  '세일 중',
];

async function generate(dataSource: DataSource, count: number, categories: string[], start: number) {
  const batch = 1000;
  const base = Date.UTC(2024, 0, 1);
  for (let offset = 0; offset < count; offset += batch) {
    const products: unknown[] = [];
    const variants: unknown[] = [];
    const stock: unknown[] = [];
    for (let i = offset; i < Math.min(count, offset + batch); i++) {
      const id = uuidv7(base + (start + i) * 1000);
      const name = `${pick(adjectives)} ${pick(nouns)} ${Math.floor(random() * 1000)}`;
      const description = `${pick(phrases)}. ${pick(adjectives)} ${pick(nouns)} — ${pick(phrases)}, ${pick(phrases)}.`;
      const created = new Date(base + (start + i) * 1000).toISOString().replace('T', ' ').replace('Z', '');
      products.push(
        id,
        uuidv7(),
        pick(categories),
        name,
        description,
        1000 + Math.floor(random() * 300) * 500,
        '[]',
        'ON_SALE',
        0,
        Math.floor(random() * 5000),
        searchTextOf({ name, description }),
        null,
        1,
        created,
        created,
      );
      const variantId = uuidv7();
      variants.push(variantId, id, '', '{}', 0, 0);
      stock.push(variantId, id, 1 + Math.floor(random() * 100), 0, 1, created);
    }
    const rows = (n: number, width: number) =>
      Array.from({ length: n }, () => `(${Array(width).fill('?').join(', ')})`).join(', ');
    const n = products.length / 15;
    await dataSource.query(
      `INSERT INTO products (id, seller_id, category_id, name, description, price, options_json, status, suspended, popularity, search_text, thumbnail_key, version, created_at, updated_at) VALUES ${rows(n, 15)}`,
      products,
    );
    await dataSource.query(
      `INSERT INTO product_variants (id, product_id, option_key, options_json, price_delta, position) VALUES ${rows(n, 6)}`,
      variants,
    );
    await dataSource.query(
      `INSERT INTO stock_levels (variant_id, product_id, on_hand, reserved, version, updated_at) VALUES ${rows(n, 6)}`,
      stock,
    );
  }
}

async function makeCategories(
  dataSource: DataSource,
): Promise<{ all: string[]; root: string; leaf: string }> {
  const all: string[] = [];
  const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
  let root = '';
  let leaf = '';
  for (let r = 0; r < 8; r++) {
    const rootId = uuidv7();
    await dataSource.query(
      'INSERT INTO categories (id, parent_id, name, path, depth, position, created_at) VALUES (?, NULL, ?, ?, 0, ?, ?)',
      [rootId, `대분류${r}`, `/${rootId}/`, r, now],
    );
    all.push(rootId);
    for (let c = 0; c < 5; c++) {
      const childId = uuidv7();
      await dataSource.query(
        'INSERT INTO categories (id, parent_id, name, path, depth, position, created_at) VALUES (?, ?, ?, ?, 1, ?, ?)',
        [childId, rootId, `중분류${r}-${c}`, `/${rootId}/${childId}/`, c, now],
      );
      all.push(childId);
      if (r === 0) root = rootId;
      if (r === 1 && c === 2) leaf = childId;
    }
  }
  return { all, root, leaf };
}

/** Backfills the read model for the products generated so far, then loads a fresh in-memory index. */
async function readModelSearch(dataSource: DataSource, kv: RedisKeyValueStore): Promise<TailedProductSearch> {
  const infra = contextInfra({
    infrastructure: { dataSource, kv },
    logger: createLogger({ level: 'silent' }),
    publicBaseUrl: 'http://localhost:3000',
  });
  const inventory = createInventoryContext(infra, { catalog: () => catalog });
  const catalog = createCatalogContext(infra, { inventory: inventory.inventory });
  const started = performance.now();
  const written = await catalog.backfill();
  catalog.close();
  console.log(
    `backfilled ${written} search documents in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const search = new TailedProductSearch(infra.reads);
  await search.ready();
  return search;
}

async function measureSearch(
  dataSource: DataSource,
  kv: RedisKeyValueStore,
  categories: { root: string; leaf: string },
) {
  const search = await readModelSearch(dataSource, kv);
  const categoryRepo = new TypeOrmCategoryRepository(dataSource);
  const base = (
    q: string | undefined,
    sort: ProductSort,
    extra: Partial<ProductSearchQuery> = {},
  ): ProductSearchQuery => ({ terms: keywordTerms(q), sort, limit: 20, ...extra });
  const scenarios: [string, () => Promise<ProductSearchQuery>][] = [
    ['no keyword, newest', async () => base(undefined, 'newest')],
    ['"블루투스" newest', async () => base('블루투스', 'newest')],
    ['"루투" (part of a word)', async () => base('루투', 'newest')],
    ['"wireless" price_asc', async () => base('wireless', 'price_asc')],
    ['"가죽 지갑" popular', async () => base('가죽 지갑', 'popular')],
    ['rare keyword (no match)', async () => base('없는상품명', 'newest')],
    [
      'category subtree, price_asc',
      async () =>
        base(undefined, 'price_asc', { categoryIds: await categoryRepo.subtreeIds(categories.root) }),
    ],
    [
      'category + "텀블러" + price range',
      async () =>
        base('텀블러', 'newest', {
          categoryIds: await categoryRepo.subtreeIds(categories.leaf),
          minPrice: 20_000,
          maxPrice: 100_000,
        }),
    ],
    ['price range, popular', async () => base(undefined, 'popular', { minPrice: 50_000, maxPrice: 60_000 })],
  ];
  const all: number[] = [];
  const perScenario: string[] = [];
  for (const [label, build] of scenarios) {
    const samples: number[] = [];
    let cursorQuery: ProductSearchQuery | undefined;
    for (let i = 0; i < 25; i++) {
      const started = performance.now();
      const query = i % 5 === 4 && cursorQuery ? cursorQuery : await build();
      const page = await search.search(query);
      samples.push(performance.now() - started);
      if (page.nextCursor) cursorQuery = { ...query, after: page.nextCursor };
    }
    all.push(...samples.slice(2));
    perScenario.push(
      `    ${label.padEnd(36)} p50 ${ms(percentile(samples, 50)).padStart(9)}  p95 ${ms(percentile(samples, 95)).padStart(9)}`,
    );
  }
  search.stop();
  return { p50: percentile(all, 50), p95: percentile(all, 95), perScenario };
}

async function measureDetail(dataSource: DataSource, kv: RedisKeyValueStore) {
  const missingTemporal = {} as TemporalClientHandle;
  const infrastructure: Infrastructure = {
    dataSource,
    kv,
    temporal: missingTemporal,
    readinessChecks: [],
    close: async () => undefined,
  };
  const app = composeApp({
    infrastructure,
    logger: createLogger({ level: 'silent' }),
    metrics: createMetrics({ collectProcessMetrics: false }),
    publicBaseUrl: 'http://localhost:3000',
  });
  const ids = (
    (await dataSource.query('SELECT id FROM products ORDER BY RAND() LIMIT 200')) as { id: string }[]
  ).map((r) => r.id);
  for (const id of ids) await app.request(`/api/v1/products/${id}`); // warm the cache
  const samples: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const id of ids) {
      const started = performance.now();
      const response = await app.request(`/api/v1/products/${id}`);
      await response.arrayBuffer();
      samples.push(performance.now() - started);
      if (response.status !== 200) throw new Error(`detail answered ${response.status}`);
    }
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

async function measureHotSku(seconds = 5, concurrency = Number(process.env.BENCH_HOT_CONCURRENCY ?? 8)) {
  const dataSource = await createDataSource(
    { kind: 'mariadb', url: BENCH_URL },
    { poolSize: concurrency + 4 },
  ).initialize();
  try {
    const inventory = createInventory({
      dataSource,
      now: () => new Date(),
      newId: uuidv7,
      onError: () => undefined,
    });
    const variantId = uuidv7();
    await inventory.createStock([{ variantId, productId: uuidv7(), onHand: 10_000_000 }]);
    let done = 0;
    const stopAt = performance.now() + seconds * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < stopAt) {
          await inventory.reserve(uuidv7(), [{ variantId, quantity: 1 }]);
          done++;
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const level = await inventory.level(variantId);
    if (level.reserved !== done)
      throw new Error(`reserved ${level.reserved} but ${done} reservations succeeded`);
    return { perSecond: done / elapsed, total: done, concurrency };
  } finally {
    await dataSource.destroy();
  }
}

async function main() {
  await recreateDatabase(BENCH_URL);
  const dataSource = await createDataSource(
    { kind: 'mariadb', url: BENCH_URL },
    { poolSize: 10 },
  ).initialize();
  const kv = RedisKeyValueStore.connect(REDIS_URL, `bench:${uuidv7()}:`);
  const lines: string[] = [];
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const categories = await makeCategories(dataSource);
    let generated = 0;
    for (const size of SIZES) {
      const started = performance.now();
      await generate(dataSource, size - generated, categories.all, generated);
      generated = size;
      await dataSource.query('ANALYZE TABLE products');
      console.log(`generated ${size} products in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      const search = await measureSearch(dataSource, kv, categories);
      const detail = await measureDetail(dataSource, kv);
      lines.push(
        `${size.toLocaleString('en')} products: search p50 ${ms(search.p50)}, p95 ${ms(search.p95)}; detail (warm) p50 ${ms(detail.p50)}, p95 ${ms(detail.p95)}`,
        ...search.perScenario,
      );
      console.log(lines.slice(-search.perScenario.length - 1).join('\n'));
    }
    const hot = await measureHotSku();
    lines.push(
      `hot SKU: ${Math.round(hot.perSecond)} reservations/s (${hot.total} in 5 s, ${hot.concurrency} concurrent callers, one transaction each)`,
    );
    console.log(lines.at(-1));
    console.log(`\n=== catalog bench (${new Date().toISOString()}) ===\n${lines.join('\n')}`);
  } finally {
    await kv.deleteByPrefix();
    await kv.close();
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
