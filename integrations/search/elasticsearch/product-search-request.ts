import {
  MAX_FACET_VALUES,
  PRICE_BANDS,
  type ProductSearchQuery,
  type ProductSort,
} from '../../../domain/catalog/search-query';
import { isChoseongQuery, TYPO_MIN_LENGTH } from '../../../domain/catalog/korean-text';

type Json = Record<string, unknown>;

/** Where a term may match, and how much a match there weighs: the name ≫ category/options/seller ≫ description. */
const TEXT_FIELDS = [
  { field: 'name', boost: 10 },
  { field: 'categoryPath', boost: 3 },
  { field: 'optionValues', boost: 3 },
  { field: 'sellerName', boost: 3 },
  { field: 'description', boost: 1 },
] as const;
/** A compound typed without spaces is also tried as two parts of at least this many characters. */
const SPLIT_PART_MIN = 2;
const SPLIT_TERM_MAX = 12;

const ngramAnd = (field: string, text: string, boost: number) => ({
  match: { [`${field}.ngram`]: { query: text, operator: 'and', boost } },
});

/**
 * One term: it must match at least one field, in any of these ways: nori words; the space-free
 * n-grams (compounds and partial words); a word prefix; a compound whose parts are apart in the
 * name (무선이어폰 → 무선 블루투스 이어폰); one typo in a word of four characters or more (fuzzy on the
 * nori words and on the name's word prefixes, which also covers a word glued to the next one);
 * 초성 when the term is consonants only.
 */
function termQuery(term: string): Json {
  const length = [...term].length;
  const fuzzy = length >= TYPO_MIN_LENGTH;
  const should: Json[] = [];
  for (const { field, boost } of TEXT_FIELDS) {
    should.push({ match: { [field]: { query: term, operator: 'and', boost } } });
    should.push(ngramAnd(field, term, boost * 0.6));
    if (fuzzy)
      should.push({ match: { [field]: { query: term, operator: 'and', fuzziness: 1, boost: boost * 0.3 } } });
  }
  should.push({ match: { 'name.edge': { query: term, boost: 4 } } });
  if (fuzzy) should.push({ match: { 'name.edge': { query: term, fuzziness: 1, boost: 2 } } });
  if (length <= SPLIT_TERM_MAX) {
    const chars = [...term];
    for (let at = SPLIT_PART_MIN; at <= length - SPLIT_PART_MIN; at++)
      should.push({
        bool: {
          must: [
            ngramAnd('name', chars.slice(0, at).join(''), 2),
            ngramAnd('name', chars.slice(at).join(''), 2),
          ],
        },
      });
  }
  if (isChoseongQuery(term)) should.push({ match: { choseong: { query: term, operator: 'and', boost: 5 } } });
  return { bool: { should, minimum_should_match: 1 } };
}

/** Sort keys per sort; the id breaks ties in the sort's direction, so pages never overlap. */
const SORT_KEYS: Record<Exclude<ProductSort, 'relevance'>, [string, 'asc' | 'desc']> = {
  newest: ['createdAt', 'desc'],
  price_asc: ['price', 'asc'],
  price_desc: ['price', 'desc'],
  popular: ['popularity', 'desc'],
};

/** Relevance without keywords has no score to order by: newest first. */
export const effectiveSort = (query: ProductSearchQuery): ProductSort =>
  query.sort === 'relevance' && query.terms.length === 0 ? 'newest' : query.sort;

export function sortClause(sort: ProductSort): Json[] {
  if (sort === 'relevance') return [{ _score: { order: 'desc' } }, { productId: { order: 'asc' } }];
  const [field, order] = SORT_KEYS[sort];
  return [{ [field]: { order } }, { productId: { order } }];
}

export const PRICE_BAND_KEY = (min: number, max: number | null) => `${min}-${max ?? ''}`;

/** The `_search` body for a shopper's query: filters, per-term matches, sort, cursor and facets. */
export function searchRequest(query: ProductSearchQuery): Json {
  const filter: Json[] = [];
  if (query.categoryIds) filter.push({ terms: { categoryPathIds: query.categoryIds } });
  if (query.sellerId) filter.push({ term: { sellerId: query.sellerId } });
  if (query.minPrice !== undefined || query.maxPrice !== undefined)
    filter.push({
      range: {
        price: {
          ...(query.minPrice !== undefined ? { gte: query.minPrice } : {}),
          ...(query.maxPrice !== undefined ? { lte: query.maxPrice } : {}),
        },
      },
    });
  const sort = effectiveSort(query);
  return {
    query: {
      bool: {
        must: query.terms.length > 0 ? query.terms.map(termQuery) : [{ match_all: {} }],
        filter,
        must_not: [{ term: { status: 'SUSPENDED' } }],
      },
    },
    sort: sortClause(sort),
    size: query.limit + 1,
    ...(query.after ? { search_after: [query.after.value, query.after.id] } : {}),
    track_total_hits: true,
    _source: {
      includes: [
        'productId',
        'sellerId',
        'sellerName',
        'name',
        'price',
        'status',
        'categoryId',
        'thumbnailKey',
        'popularity',
        'createdAt',
      ],
    },
    aggs: {
      categories: {
        terms: { field: 'categoryId', size: MAX_FACET_VALUES, order: [{ _count: 'desc' }, { _key: 'asc' }] },
      },
      sellers: {
        terms: { field: 'sellerId', size: MAX_FACET_VALUES, order: [{ _count: 'desc' }, { _key: 'asc' }] },
        aggs: { name: { top_hits: { size: 1, _source: { includes: ['sellerName'] } } } },
      },
      priceBands: {
        range: {
          field: 'price',
          ranges: PRICE_BANDS.map(([min, max]) => ({
            key: PRICE_BAND_KEY(min, max),
            from: min,
            ...(max !== null ? { to: max } : {}),
          })),
        },
      },
    },
  };
}
