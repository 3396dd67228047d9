import { normaliseSearchText } from './product';
import type { SaleStatus } from './sale-status';

export const PRODUCT_SORTS = ['newest', 'price_asc', 'price_desc', 'popular'] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
export const MAX_KEYWORD_TERMS = 5;

/** Where the previous page ended: the sort value and id of its last item (keyset pagination). */
export interface SearchCursor {
  sort: ProductSort;
  value: number;
  id: string;
}

export interface ProductSearchQuery {
  /** Normalised terms; every term must appear in the name or description. */
  terms: string[];
  /** The category and all its descendants, already resolved; absent means every category. */
  categoryIds?: string[];
  minPrice?: number;
  maxPrice?: number;
  sort: ProductSort;
  limit: number;
  after?: SearchCursor;
}

export interface ProductSummary {
  id: string;
  sellerId: string;
  name: string;
  price: number;
  status: SaleStatus;
  categoryId: string | null;
  thumbnailKey: string | null;
  popularity: number;
  createdAt: Date;
}

export interface ProductSearchPage {
  items: ProductSummary[];
  nextCursor: SearchCursor | null;
}

/** Splits a shopper's keyword into normalised terms (Korean or English, case-insensitive). */
export function keywordTerms(keyword: string | undefined): string[] {
  if (!keyword) return [];
  const terms = normaliseSearchText(keyword)
    .split(' ')
    .filter((term) => term.length > 0);
  return [...new Set(terms)].slice(0, MAX_KEYWORD_TERMS);
}

/** The value of the sort key an item is ordered by, for the cursor after it. */
export function sortValueOf(item: ProductSummary, sort: ProductSort): number {
  switch (sort) {
    case 'newest':
      return item.createdAt.getTime();
    case 'price_asc':
    case 'price_desc':
      return item.price;
    case 'popular':
      return item.popularity;
  }
}
