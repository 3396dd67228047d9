import { Client } from '@elastic/elasticsearch';
import type { ProductSearch, ProductSearchIndex } from '../../../domain/catalog/ports';
import type { Logger } from '../../../platform/observability/logger';
import type { RetryPolicy } from './elasticsearch-calls';
import { ElasticsearchProductSearch } from './elasticsearch-product-search';
import { ElasticsearchProductSearchIndex } from './elasticsearch-product-search-index';

export interface ElasticsearchSearchConfig {
  /** ELASTICSEARCH_URL, e.g. http://elasticsearch:9200 (credentials may be in the URL). */
  url: string;
  logger?: Logger;
  /** Per request; a search that takes longer is retried, then answered 503. */
  requestTimeoutMs?: number;
  retry?: RetryPolicy;
}

export interface ElasticsearchSearch {
  client: Client;
  /** The read side (the API's ProductSearch). */
  search: ProductSearch;
  /** The projection's second writer, beside the read-model table. */
  index: ProductSearchIndex;
  close(): Promise<void>;
}

/** What the catalog context uses when ELASTICSEARCH_URL is set. */
export function createElasticsearchSearch(config: ElasticsearchSearchConfig): ElasticsearchSearch {
  const client = new Client({
    node: config.url,
    requestTimeout: config.requestTimeoutMs ?? 2000,
    // Retries with backoff happen in callElasticsearch; the client's own are immediate.
    maxRetries: 0,
  });
  const options = { logger: config.logger, retry: config.retry };
  return {
    client,
    search: new ElasticsearchProductSearch(client, options),
    index: new ElasticsearchProductSearchIndex(client, options),
    close: () => client.close(),
  };
}
