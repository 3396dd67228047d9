import type { Client } from '@elastic/elasticsearch';
import type { ProductSearch } from '../../../domain/catalog/ports';
import type { SaleStatus } from '../../../domain/catalog/sale-status';
import {
  PRICE_BANDS,
  sortValueOf,
  type ProductSearchPage,
  type ProductSearchQuery,
  type ProductSummary,
} from '../../../domain/catalog/search-query';
import type { Logger } from '../../../platform/observability/logger';
import { callElasticsearch, type RetryPolicy } from './elasticsearch-calls';
import { PRODUCTS_ALIAS, type IndexedProduct } from './product-index-definition';
import { effectiveSort, PRICE_BAND_KEY, searchRequest } from './product-search-request';

interface Hit {
  _id: string;
  _score: number | null;
  _source: Pick<
    IndexedProduct,
    | 'productId'
    | 'sellerId'
    | 'sellerName'
    | 'name'
    | 'price'
    | 'status'
    | 'categoryId'
    | 'thumbnailKey'
    | 'popularity'
    | 'createdAt'
  >;
  sort: (number | string)[];
}
interface Bucket {
  key: string;
  doc_count: number;
}
interface SearchAnswer {
  hits: { total: { value: number } | number; hits: Hit[] };
  aggregations: {
    categories: { buckets: Bucket[] };
    sellers: { buckets: (Bucket & { name: { hits: { hits: { _source: { sellerName: string } }[] } } })[] };
    priceBands: { buckets: (Bucket & { key: string })[] };
  };
}

const EMPTY_PAGE: ProductSearchPage = {
  items: [],
  nextCursor: null,
  total: 0,
  facets: {
    categories: [],
    priceBands: PRICE_BANDS.map(([min, max]) => ({ min, max, count: 0 })),
    sellers: [],
  },
};

/**
 * The search port on Elasticsearch (alias `products`, see product-index-definition.ts): every term
 * must match somewhere; `search_after` with the last hit's sort values pages through a stable order
 * (the id breaks ties), the total is exact (`track_total_hits`), facets come from aggregations over
 * every match. Errors: see callElasticsearch (503 to the shopper, logged).
 */
export class ElasticsearchProductSearch implements ProductSearch {
  constructor(
    private readonly client: Client,
    private readonly options: { index?: string; logger?: Logger; retry?: RetryPolicy } = {},
  ) {}

  async search(query: ProductSearchQuery): Promise<ProductSearchPage> {
    if (query.categoryIds && query.categoryIds.length === 0) return EMPTY_PAGE;
    const answer = (await callElasticsearch(
      'search',
      () => this.client.search({ index: this.options.index ?? PRODUCTS_ALIAS, ...searchRequest(query) }),
      this.options,
    )) as unknown as SearchAnswer;
    const hits = answer.hits.hits;
    const items = hits.slice(0, query.limit).map(summaryOf);
    const last = hits[query.limit - 1];
    const sort = effectiveSort(query);
    return {
      items,
      total: typeof answer.hits.total === 'number' ? answer.hits.total : answer.hits.total.value,
      nextCursor:
        hits.length > query.limit && last
          ? {
              sort: query.sort,
              value: sort === 'relevance' ? Number(last.sort[0]) : sortValueOf(summaryOf(last), sort),
              id: last._id,
            }
          : null,
      facets: {
        categories: answer.aggregations.categories.buckets.map((bucket) => ({
          categoryId: bucket.key,
          count: bucket.doc_count,
        })),
        sellers: answer.aggregations.sellers.buckets.map((bucket) => ({
          sellerId: bucket.key,
          sellerName: bucket.name.hits.hits[0]?._source.sellerName ?? '',
          count: bucket.doc_count,
        })),
        priceBands: PRICE_BANDS.map(([min, max]) => ({
          min,
          max,
          count:
            answer.aggregations.priceBands.buckets.find((bucket) => bucket.key === PRICE_BAND_KEY(min, max))
              ?.doc_count ?? 0,
        })),
      },
    };
  }
}

function summaryOf(hit: Hit): ProductSummary {
  const source = hit._source;
  return {
    id: source.productId,
    sellerId: source.sellerId,
    sellerName: source.sellerName,
    name: source.name,
    price: source.price,
    status: source.status as SaleStatus,
    categoryId: source.categoryId,
    thumbnailKey: source.thumbnailKey,
    popularity: source.popularity,
    createdAt: new Date(source.createdAt),
  };
}
