/**
 * `npx tsx bench/search-engine.ts [products]`: the in-memory search engine alone (no database, no
 * HTTP) over generated Korean products: build time, memory, and search latency for distinct
 * two-word queries (each asked once, so never answered from the engine's memo of whole queries;
 * their words recur: a word searched again has its match list built off the searches, as the API
 * does — 2 ms slices after the searches, the rest between them —, so the second batch answers from
 * the lists), one-word searches asked once and again (a repeated first page), the newest list,
 * a category list, a deep page, and a list right after a change. Documents and queries come from
 * the HTTP benchmark's catalogue (bench/search-catalog.ts). WARM_WORDS=n first times the API's
 * start-up warm-up of the n commonest words' match lists. Each line gives wall-clock percentiles
 * and the mean CPU time per query; the calibration line tells how loaded the machine was.
 */
import type { ProductSearchDocument } from '../domain/catalog/search-document';
import { keywordTerms, type ProductSearchQuery } from '../domain/catalog/search-query';
import { InMemoryProductIndex } from '../persistence/catalog/search/in-memory-product-index';
import { WantedListBuilder, warmTermLists } from '../persistence/catalog/search/term-list-warmup';
import { progressBar } from '../scripts/progress-bar';
import { BRANDS, COLOURS, MODIFIERS, NOUNS, random, seedProduct, twoWordQuery } from './search-catalog';

const COUNT = Number(process.argv[2]) || 100_000;
/** WARM_WORDS=200: first build the match lists an API builds after its load (term-list-warmup.ts). */
const WARM_WORDS = Number(process.env.WARM_WORDS) || 0;

const SELLERS = 12;
const ROOTS = ['디지털', '패션', '식품', '뷰티', '생활', '스포츠', '반려동물', '유아동'];

/** The HTTP benchmark's catalogue (bench/search-catalog.ts) as read-model documents. */
function documents(count: number): ProductSearchDocument[] {
  const sellerNames = new Map(
    Array.from({ length: SELLERS }, (_, i) => [
      `seller-${i}`,
      `${BRANDS[i % BRANDS.length]}상회 ${i + 1}호점`,
    ]),
  );
  const categories = new Map(
    ROOTS.flatMap((root, r) =>
      Array.from(
        { length: 5 },
        (_, c) => [`cat-${r}-${c}` as string, { root, r, name: `${root} ${c + 1}` }] as const,
      ),
    ),
  );
  const sellerIds = [...sellerNames.keys()];
  const categoryIds = [...categories.keys()];
  return Array.from({ length: count }, (_, i) => {
    const { productRow, variantRows } = seedProduct(i, sellerIds, categoryIds);
    const [id, sellerId, categoryId, name, description, price, , status, , popularity] = productRow as [
      string,
      string,
      string,
      string,
      string,
      number,
      string,
      'ON_SALE' | 'SOLD_OUT',
      number,
      number,
    ];
    const category = categories.get(categoryId)!;
    const optionValues = [
      ...new Set(variantRows.flatMap((row) => Object.values(JSON.parse(row[3] as string) as object))),
    ] as string[];
    const createdAt = new Date(Date.UTC(2025, 0, 1) + i * 1000);
    return {
      productId: id,
      sellerId,
      sellerName: sellerNames.get(sellerId)!,
      name,
      description,
      categoryId,
      categoryPath: [category.root, category.name],
      categoryPathIds: [`cat-${category.r}`, categoryId],
      optionValues,
      price,
      minPrice: price,
      maxPrice: price + (variantRows.length - 1) * 1000,
      // A few suspended products, as in a real catalogue (never returned).
      status: i % 50 === 49 ? 'SUSPENDED' : status,
      sellable: status === 'ON_SALE',
      popularity,
      thumbnailKey: null,
      createdAt,
      indexedAt: createdAt,
    };
  });
}

/** What the API does after each search (tailed-product-search.ts): a slice of at most 2 ms on the lists waiting. */
let lists: WantedListBuilder | undefined;

function timed(runs: number, query: (i: number) => ProductSearchQuery, index: InMemoryProductIndex) {
  const micros: number[] = [];
  let hits = 0;
  const cpu = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    hits += index.search(query(i)).total;
    lists?.searched();
    micros.push((performance.now() - started) * 1000);
  }
  const used = process.cpuUsage(cpu);
  const cpuMicros = (used.user + used.system) / runs;
  micros.sort((a, b) => a - b);
  const at = (p: number) => micros[Math.min(micros.length - 1, Math.floor(p * micros.length))]!.toFixed(0);
  return `p50 ${at(0.5)} µs, p95 ${at(0.95)} µs, p99 ${at(0.99)} µs, max ${micros.at(-1)!.toFixed(0)} µs, CPU ${cpuMicros.toFixed(0)} µs/query (${runs} runs, ${Math.round(hits / runs)} matches on average)`;
}

/** CPU time of a fixed loop (10^8 additions over a typed array), to compare figures taken under different loads. */
function calibration(): string {
  const values = Int32Array.from({ length: 1_000_000 }, (_, i) => i);
  let sum = 0;
  const cpu = process.cpuUsage();
  for (let round = 0; round < 100; round++) for (let i = 0; i < values.length; i++) sum += values[i]!;
  const used = process.cpuUsage(cpu);
  return `${((used.user + used.system) / 1000).toFixed(0)} ms CPU for 10^8 additions (checksum ${sum % 7})`;
}

async function main() {
  console.log(`calibration: ${calibration()}`);
  const docs = documents(COUNT);
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const index = new InMemoryProductIndex();
  lists = new WantedListBuilder(index);
  const bar = progressBar('indexing', COUNT);
  const started = performance.now();
  docs.forEach((doc, i) => {
    index.upsert(doc);
    if (i % 5000 === 0) bar.update(i);
  });
  bar.done();
  const buildMs = performance.now() - started;
  global.gc?.();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  console.log(`products: ${COUNT.toLocaleString('en')}; build ${(buildMs / 1000).toFixed(1)} s`);
  console.log(
    `memory: estimate ${(index.memoryEstimate() / 2 ** 20).toFixed(0)} MB` +
      (global.gc ? `, heap growth ${heapMb.toFixed(0)} MB` : ' (run with --expose-gc for the heap growth)'),
  );

  if (WARM_WORDS > 0) {
    const warm = await warmTermLists(index, { words: WARM_WORDS });
    console.log(
      `warm-up (the ${WARM_WORDS} commonest name words listed, in slices): ${warm.words} lists, ${warm.entries.toLocaleString('en')} entries, ${warm.cpuMs.toFixed(0)} ms CPU over ${warm.wallMs.toFixed(0)} ms`,
    );
  }

  const words = [
    ...new Set([...MODIFIERS, ...BRANDS, ...NOUNS.flatMap((noun) => noun.split(' ')), ...COLOURS]),
  ];
  // The HTTP benchmark's queries first, then other pairs of catalogue words, each asked once.
  const pairs = new Set<string>();
  for (let i = 0; i < 5000; i++) pairs.add(twoWordQuery(i));
  const shuffled: string[] = [];
  for (const a of words) for (const b of words) if (a !== b) shuffled.push(`${a} ${b}`);
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  for (const pair of shuffled) pairs.add(pair);
  const queries = [...pairs];
  console.log(
    `distinct two-word queries: ${queries.length} (${new Set(Array.from({ length: 5000 }, (_, i) => twoWordQuery(i))).size} from twoWordQuery)`,
  );
  const runs = Math.min(2000, Math.floor(queries.length / 2));
  const page = { sort: 'relevance' as const, limit: 20 };
  console.log(
    `two-word, first ${runs} distinct (lists built as words recur): ${timed(runs, (i) => ({ ...page, terms: keywordTerms(queries[i]) }), index)}`,
  );
  const building = performance.now();
  const listed = await lists.drain();
  console.log(
    `lists still waiting after the batch, built in slices between searches: ${listed} in ${(performance.now() - building).toFixed(0)} ms`,
  );
  console.log(
    `two-word, next ${runs} distinct, by price (terms listed):        ${timed(runs, (i) => ({ ...page, sort: 'price_asc', terms: keywordTerms(queries[runs + i]) }), index)}`,
  );
  // The HTTP benchmark's one-word searches (the first word of each noun): asked once, then again.
  const single = [...new Set(NOUNS.map((noun) => noun.split(' ')[0]!))];
  for (const label of ['one-word, first:            ', 'one-word, asked again:      '])
    console.log(
      `${label} ${timed(single.length, (i) => ({ ...page, terms: keywordTerms(single[i]) }), index)}`,
    );
  console.log(
    `typo (블루투수 …), distinct:  ${timed(words.length, (i) => ({ ...page, terms: ['블루투수', words[i]!] }), index)}`,
  );
  console.log(
    `초성 ㅂㄹㅌㅅ + word:         ${timed(words.length, (i) => ({ ...page, terms: ['ㅂㄹㅌㅅ', words[i]!] }), index)}`,
  );
  console.log(
    `newest list:                 ${timed(1000, () => ({ terms: [], sort: 'newest', limit: 20 }), index)}`,
  );
  console.log(
    `category list (newest):      ${timed(1000, (i) => ({ terms: [], sort: 'newest', limit: 20, categoryIds: [`cat-${i % 8}-${i % 5}`] }), index)}`,
  );
  console.log(
    `parent category by price:    ${timed(1000, (i) => ({ terms: [], sort: 'price_asc', limit: 20, categoryIds: [`cat-${i % 8}`] }), index)}`,
  );
  const middle = docs[Math.floor(COUNT / 2)]!;
  const deep = timed(
    200,
    () => ({
      terms: [],
      sort: 'newest',
      limit: 100,
      after: { sort: 'newest', value: middle.createdAt.getTime(), id: middle.productId },
    }),
    index,
  );
  console.log(`deep page (newest, middle):  ${deep}`);
  let n = 0;
  console.log(
    `newest list after a change:  ${timed(
      50,
      () => {
        index.upsert({ ...docs[n++]!, popularity: n });
        return { terms: [], sort: 'newest', limit: 20 };
      },
      index,
    )}`,
  );
}

void main();
