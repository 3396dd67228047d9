/** What a keyword search keeps between searches: the answers of recent queries and the keys of match lists. */
import type { ProductSearchQuery, ProductSummary, SearchFacets } from '../../../domain/catalog/search-query';
import type { PreparedTerm } from './term-match';
import { pageFromSorted, sortedOrder, topAfter } from './top-after';

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

/**
 * The positions in `matches` of the page the query asks for (the best `limit + 1` after its
 * cursor). A later page of a query asked again sorts the matches once, so every page after is a
 * binary search and a slice; a first page is picked in one pass and kept per page size, far cheaper
 * than a sort of thousands of matches (a restarted API has its common words asked again at once).
 */
export function pagePositions(
  matches: MatchSet,
  ids: string[],
  query: Pick<ProductSearchQuery, 'sort' | 'after' | 'limit'>,
  repeated: boolean,
): number[] {
  const { slots, values } = matches;
  if (repeated && query.after) matches.order ??= sortedOrder(slots, values, ids, query.sort);
  if (matches.order) return pageFromSorted(matches.order, slots, values, ids, query);
  if (query.after) return topAfter(slots, values, ids, query);
  if (matches.first?.limit !== query.limit)
    matches.first = { limit: query.limit, positions: topAfter(slots, values, ids, query) };
  return matches.first.positions;
}

export const copy = (summary: ProductSummary): ProductSummary => ({
  ...summary,
  createdAt: new Date(summary.createdAt),
});

/** A term's key among the match lists: its corrections change what it matches. */
export const termKey = (term: PreparedTerm) =>
  term.corrections.length > 0 ? `${term.text}\u0001${term.corrections.join(' ')}` : term.text;
