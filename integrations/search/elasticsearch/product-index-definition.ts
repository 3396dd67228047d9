import type { ProductSearchDocument } from '../../../domain/catalog/search-document';
import { choseongOf } from '../../../domain/catalog/korean-text';

/** Searches and the projection address the alias; `search:reindex` points it at a new index. */
export const PRODUCTS_ALIAS = 'products';
export const productsIndexName = (at: Date) => `${PRODUCTS_ALIAS}-${at.getTime()}`;

/**
 * Index settings. A write is searchable after the next refresh (1 s), never forced per write: that
 * second is the read model's freshness cost in Elasticsearch (docs/catalog.md).
 *
 * - `korean`: nori (morphological analysis, compounds kept and split: decompound_mode mixed), reading
 *   form for hanja, lowercase for Latin letters.
 * - `compact_ngram`: spaces removed, then 2–3 character n-grams: '블루투스이어폰' and '블루투스 이어폰'
 *   share every gram, and '반팔티' is inside '반팔티셔츠'. Queries run with operator `and`.
 * - `edge_prefix` / `prefix_query`: word prefixes (one character up), for short partial words.
 */
export const PRODUCT_INDEX_SETTINGS = {
  number_of_shards: 1,
  // No replica on a single node (docker-compose), one as soon as a second node joins.
  auto_expand_replicas: '0-1',
  refresh_interval: '1s',
  max_ngram_diff: 1,
  analysis: {
    char_filter: {
      strip_spaces: { type: 'pattern_replace', pattern: '\\s+', replacement: '' },
    },
    tokenizer: {
      korean_nori: { type: 'nori_tokenizer', decompound_mode: 'mixed' },
      gram_2_3: { type: 'ngram', min_gram: 2, max_gram: 3, token_chars: [] },
      word_edges: { type: 'edge_ngram', min_gram: 1, max_gram: 20, token_chars: ['letter', 'digit'] },
    },
    analyzer: {
      korean: { type: 'custom', tokenizer: 'korean_nori', filter: ['nori_readingform', 'lowercase'] },
      compact_ngram: {
        type: 'custom',
        char_filter: ['strip_spaces'],
        tokenizer: 'gram_2_3',
        filter: ['lowercase'],
      },
      edge_prefix: { type: 'custom', tokenizer: 'word_edges', filter: ['lowercase'] },
      prefix_query: { type: 'custom', tokenizer: 'keyword', filter: ['lowercase'] },
    },
  },
} as const;

const koreanText = (extra: Record<string, unknown> = {}) => ({
  type: 'text',
  analyzer: 'korean',
  fields: { ngram: { type: 'text', analyzer: 'compact_ngram' }, ...extra },
});

export const PRODUCT_INDEX_MAPPINGS = {
  dynamic: 'strict',
  properties: {
    productId: { type: 'keyword' },
    sellerId: { type: 'keyword' },
    sellerName: koreanText({ raw: { type: 'keyword' } }),
    name: koreanText({
      edge: { type: 'text', analyzer: 'edge_prefix', search_analyzer: 'prefix_query' },
    }),
    description: koreanText(),
    categoryId: { type: 'keyword' },
    categoryPath: koreanText(),
    categoryPathIds: { type: 'keyword' },
    optionValues: koreanText(),
    /** 초성 of the name, computed here (the analyzers cannot derive it). */
    choseong: { type: 'text', analyzer: 'compact_ngram' },
    price: { type: 'long' },
    minPrice: { type: 'long' },
    maxPrice: { type: 'long' },
    status: { type: 'keyword' },
    sellable: { type: 'boolean' },
    popularity: { type: 'long' },
    thumbnailKey: { type: 'keyword', index: false },
    createdAt: { type: 'date' },
    indexedAt: { type: 'date' },
  },
} as const;

/** What is stored in Elasticsearch for one read-model document (`_id` = productId). */
export interface IndexedProduct {
  productId: string;
  sellerId: string;
  sellerName: string;
  name: string;
  description: string;
  categoryId: string | null;
  categoryPath: string[];
  categoryPathIds: string[];
  optionValues: string[];
  choseong: string;
  price: number;
  minPrice: number;
  maxPrice: number;
  status: string;
  sellable: boolean;
  popularity: number;
  thumbnailKey: string | null;
  createdAt: string;
  indexedAt: string;
}

export function toIndexedProduct(document: ProductSearchDocument): IndexedProduct {
  return {
    productId: document.productId,
    sellerId: document.sellerId,
    sellerName: document.sellerName,
    name: document.name,
    description: document.description,
    categoryId: document.categoryId,
    categoryPath: document.categoryPath,
    categoryPathIds: document.categoryPathIds,
    optionValues: document.optionValues,
    choseong: choseongOf(document.name),
    price: document.price,
    minPrice: document.minPrice,
    maxPrice: document.maxPrice,
    status: document.status,
    sellable: document.sellable,
    popularity: document.popularity,
    thumbnailKey: document.thumbnailKey,
    createdAt: document.createdAt.toISOString(),
    indexedAt: document.indexedAt.toISOString(),
  };
}
