import type { ProductSearchQuery } from '../../../domain/catalog/search-query';
import type { SlotColumns } from './slot-columns';

export type Filter = (slot: number) => boolean;

/** The key of a query's filters: queries with equal keys list the same products. */
export function filterKeyOf(query: ProductSearchQuery): string {
  return JSON.stringify([
    query.categoryIds ? [...query.categoryIds].sort() : null,
    query.sellerId ?? null,
    query.minPrice ?? null,
    query.maxPrice ?? null,
  ]);
}

/** The key of a query without filters. */
export const NO_FILTER = JSON.stringify([null, null, null, null]);

/**
 * Which slots pass a query's filters: listed, the seller, the price bounds (inclusive), and the
 * category — the product's own, or any on its path.
 */
export function filterOf(query: ProductSearchQuery, columns: SlotColumns): Filter {
  const { listed, price, seller, category, path, paths } = columns;
  const { sellerId, minPrice, maxPrice } = query;
  const sellerNumber = sellerId === undefined ? undefined : (columns.sellerNumber(sellerId) ?? -1);
  const categories = query.categoryIds ? new Set(query.categoryIds) : null;
  const categoryNumbers = categories
    ? new Set([...categories].map((id) => columns.categoryNumber(id)))
    : null;
  // Whether each category path holds a listed category: 0 not known yet, 1 yes, 2 no.
  const pathListed = new Uint8Array(paths.length);
  const low = minPrice ?? -Infinity;
  const high = maxPrice ?? Infinity;
  return (slot) => {
    if (listed[slot] !== 1) return false;
    if (sellerNumber !== undefined && seller[slot] !== sellerNumber) return false;
    if (price[slot]! < low || price[slot]! > high) return false;
    if (categoryNumbers && !categoryNumbers.has(category[slot]!)) {
      const number = path[slot]!;
      if (pathListed[number] === 0)
        pathListed[number] = paths[number]!.some((id) => categories!.has(id)) ? 1 : 2;
      return pathListed[number] === 1;
    }
    return true;
  };
}
