/**
 * `npx tsx bench/product-detail-miss.ts [count]`: the CPU a product page's cache miss costs this
 * process (the product read plus the cached form and its JSON, no Redis), over `count` random
 * products of the search bench's catalogue (BENCH_DATABASE_URL, default the one `npm run
 * bench:search` leaves behind). Reads one at a time, eight in flight, as product pages arrive.
 */
import { cachedDetail } from '../application/catalog/product-views';
import { createDataSource } from '../persistence/data-source';
import { TypeOrmProductRepository } from '../persistence/catalog/typeorm-product.repository';

const URL = process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/jangteo_bench_search';
const COUNT = Number(process.argv[2]) || 4000;
const IN_FLIGHT = 8;

async function main(): Promise<void> {
  const dataSource = createDataSource({ kind: 'mariadb', url: URL });
  await dataSource.initialize();
  try {
    const products = new TypeOrmProductRepository(dataSource);
    const ids = (
      (await dataSource.query(`SELECT id FROM products ORDER BY RAND() LIMIT ${COUNT}`)) as {
        id: string;
      }[]
    ).map((r) => r.id);
    const readAll = async (list: string[]) => {
      let next = 0;
      await Promise.all(
        Array.from({ length: IN_FLIGHT }, async () => {
          while (next < list.length) {
            const product = await products.findById(list[next++]!);
            if (!product) throw new Error('product missing');
            JSON.stringify(cachedDetail(product));
          }
        }),
      );
    };
    await readAll(ids.slice(0, 200)); // warms the pool and the JIT
    const cpu = process.cpuUsage();
    const started = performance.now();
    await readAll(ids);
    const used = process.cpuUsage(cpu);
    const perMiss = (used.user + used.system) / 1000 / ids.length;
    const wall = performance.now() - started;
    console.log(
      `${ids.length} product reads: ${perMiss.toFixed(3)} ms CPU a miss, ${((ids.length / wall) * 1000).toFixed(0)}/s`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
