import type { ProductSearchQuery } from '../../../domain/catalog/search-query';
import type { IndexedProduct } from './indexed-product';
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
export function filterOf(
  query: ProductSearchQuery,
  columns: SlotColumns,
  products: (IndexedProduct | undefined)[],
): Filter {
  const { listed, price, seller, category } = columns;
  const { sellerId, minPrice, maxPrice } = query;
  const sellerNumber = sellerId === undefined ? undefined : (columns.sellerNumber(sellerId) ?? -1);
  const categories = query.categoryIds ? new Set(query.categoryIds) : null;
  const categoryNumbers = categories
    ? new Set([...categories].map((id) => columns.categoryNumber(id)))
    : null;
  const low = minPrice ?? -Infinity;
  const high = maxPrice ?? Infinity;
  return (slot) => {
    if (listed[slot] !== 1) return false;
    if (sellerNumber !== undefined && seller[slot] !== sellerNumber) return false;
    if (price[slot]! < low || price[slot]! > high) return false;
    if (categoryNumbers && !categoryNumbers.has(category[slot]!))
      return products[slot]!.categoryPathIds.some((id) => categories!.has(id));
    return true;
  };
}
