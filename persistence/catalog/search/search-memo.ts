/** What a keyword search keeps between searches: the answers of recent queries and the keys of match lists. */
import type { ProductSummary, SearchFacets } from '../../../domain/catalog/search-query';
import type { PreparedTerm } from './term-match';

/** Matches of one keyword query, sorted, with their count and facets. */
export interface MatchSet {
  slots: Int32Array;
  values: Float64Array;
  facets: SearchFacets;
  /** Positions in the sort's order, once the query was asked again (many matches only). */
  order?: Int32Array;
}

/** Answers kept per distinct query until the index changes. */
const MEMO_LIMIT = 500;

export function remember<T>(memo: Map<string, T>, key: string, value: T): void {
  if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value!);
  memo.set(key, value);
}

export const copy = (summary: ProductSummary): ProductSummary => ({
  ...summary,
  createdAt: new Date(summary.createdAt),
});

/** A term's key among the match lists: its corrections change what it matches. */
export const termKey = (term: PreparedTerm) =>
  term.corrections.length > 0 ? `${term.text}\u0001${term.corrections.join(' ')}` : term.text;
