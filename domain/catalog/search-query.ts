import { wordsOf } from './korean-text';
import type { SaleStatus } from './sale-status';

/** `relevance` (the default when there are keywords): matches in the name above matches elsewhere. */
export const PRODUCT_SORTS = ['relevance', 'newest', 'price_asc', 'price_desc', 'popular'] as const;
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
  /**
   * Normalised terms; every term must match the name, description, seller, category path or an
   * option value (spaces inside a term or between terms don't matter; 초성 and one-syllable typos
   * in words of four syllables or more match too: docs/catalog.md#search-quality).
   */
  terms: string[];
  /** The category and all its descendants, already resolved; absent means every category. */
  categoryIds?: string[];
  sellerId?: string;
  minPrice?: number;
  maxPrice?: number;
  sort: ProductSort;
  limit: number;
  after?: SearchCursor;
}

export interface ProductSummary {
  id: string;
  sellerId: string;
  /** The seller's 상호. */
  sellerName: string;
  name: string;
  price: number;
  status: SaleStatus;
  categoryId: string | null;
  thumbnailKey: string | null;
  popularity: number;
  createdAt: Date;
}

/** Price bands of the price facet, in won: [min, max) with null for no upper bound. */
export const PRICE_BANDS: readonly (readonly [number, number | null])[] = [
  [0, 10_000],
  [10_000, 30_000],
  [30_000, 50_000],
  [50_000, 100_000],
  [100_000, null],
];
/** At most this many categories and sellers per facet, the largest counts first (ties by id). */
export const MAX_FACET_VALUES = 20;

/** Counts over every match of the query (all pages), with its filters applied. */
export interface SearchFacets {
  categories: { categoryId: string; count: number }[];
  priceBands: { min: number; max: number | null; count: number }[];
  sellers: { sellerId: string; sellerName: string; count: number }[];
}

export interface ProductSearchPage {
  items: ProductSummary[];
  nextCursor: SearchCursor | null;
  /** How many products match (all pages). */
  total: number;
  facets: SearchFacets;
}

/** Splits a shopper's keyword into normalised terms (Korean or English, case-insensitive). */
export function keywordTerms(keyword: string | undefined): string[] {
  if (!keyword) return [];
  return [...new Set(wordsOf(keyword))].slice(0, MAX_KEYWORD_TERMS);
}

/**
 * The value of the sort key an item is ordered by, for the cursor after it. Relevance has no
 * value on the item: the search implementation puts its own score in the cursor.
 */
export function sortValueOf(item: ProductSummary, sort: Exclude<ProductSort, 'relevance'>): number {
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
