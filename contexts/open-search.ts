import {
  createElasticsearchSearch,
  type ElasticsearchSearch,
} from '../integrations/search/elasticsearch/create-elasticsearch-search';
import { ensureProductsIndex } from '../integrations/search/elasticsearch/reindex';
import type { Logger } from '../platform/observability/logger';

/**
 * Elasticsearch for product search when ELASTICSEARCH_URL is set (docs/catalog.md#elasticsearch);
 * undefined otherwise: the in-process index over the read model answers. A process that runs the
 * projection (`writes`) makes sure the `products` alias exists before the first document arrives.
 * The caller closes what it opened.
 */
export async function openSearch(
  url: string | undefined,
  logger: Logger,
  options: { writes: boolean },
): Promise<ElasticsearchSearch | undefined> {
  if (!url) return undefined;
  const search = createElasticsearchSearch({ url, logger: logger.child({ component: 'elasticsearch' }) });
  if (options.writes && (await ensureProductsIndex(search.client)))
    logger.info('created the products index and its alias in Elasticsearch');
  return search;
}
