/** What a keyword search keeps between searches: the answers of recent queries and the keys of match lists. */
import type { ProductSearchQuery, ProductSummary, SearchFacets } from '../../../domain/catalog/search-query';
import type { PreparedTerm } from './term-match';
import { topAfter } from './top-after';

/** Matches of one keyword query, sorted, with their count and facets. */
export interface MatchSet {
  slots: Int32Array;
  values: Float64Array;
  facets: SearchFacets;
  /** Positions in the sort's order, once a later page was asked (many matches only). */
  order?: Int32Array;
  /** The first page's positions for a page size: shoppers repeat first pages far more than they page on. */
  first?: { limit: number; positions: number[] };
}

/** Answers kept per distinct query until the index changes. */
const MEMO_LIMIT = 500;

export function remember<T>(memo: Map<string, T>, key: string, value: T): void {
  if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value!);
  memo.set(key, value);
}

/** The positions of the first page of these matches (the best `limit + 1`), picked once per page size. */
export function firstPage(
  matches: MatchSet,
  ids: string[],
  query: Pick<ProductSearchQuery, 'sort' | 'limit'>,
): number[] {
  if (matches.first?.limit !== query.limit)
    matches.first = { limit: query.limit, positions: topAfter(matches.slots, matches.values, ids, query) };
  return matches.first.positions;
}

export const copy = (summary: ProductSummary): ProductSummary => ({
  ...summary,
  createdAt: new Date(summary.createdAt),
});

/** A term's key among the match lists: its corrections change what it matches. */
export const termKey = (term: PreparedTerm) =>
  term.corrections.length > 0 ? `${term.text}\u0001${term.corrections.join(' ')}` : term.text;
