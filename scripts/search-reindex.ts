import { loadMigrateConfig } from '../config/migrate.config';
import { createElasticsearchSearch } from '../integrations/search/elasticsearch/create-elasticsearch-search';
import { reindexProducts } from '../integrations/search/elasticsearch/reindex';
import { DbProductSearchDocumentSource } from '../persistence/catalog/search/db-product-search-document-source';
import { createDataSource } from '../persistence/data-source';
import { primaryReads } from '../persistence/read-replicas';
import { createLogger } from '../platform/observability/logger';
import { progressBar } from './progress-bar';

/**
 * `npm run search:reindex`: builds a new Elasticsearch products index from the read-model table
 * (`product_search_documents`) and moves the `products` alias to it with no downtime
 * (integrations/search/elasticsearch/reindex.ts). Needs DATABASE_URL and ELASTICSEARCH_URL.
 */
async function main(): Promise<void> {
  const url = process.env.ELASTICSEARCH_URL;
  if (!url || !URL.canParse(url)) {
    console.error('search:reindex needs ELASTICSEARCH_URL (e.g. http://127.0.0.1:9200)');
    process.exit(64);
  }
  const config = loadMigrateConfig(process.env);
  const logger = createLogger({ level: config.logLevel, name: 'search-reindex' });
  const dataSource = await createDataSource(config.database, { poolSize: 2 }).initialize();
  const search = createElasticsearchSearch({ url, logger, requestTimeoutMs: 60_000 });
  let bar: ReturnType<typeof progressBar> | undefined;
  try {
    const result = await reindexProducts(
      search.client,
      new DbProductSearchDocumentSource(primaryReads(dataSource)),
      {
        logger,
        onProgress: (done, total) => {
          bar ??= progressBar('reindex', total);
          bar.update(done);
        },
      },
    );
    bar?.done(result.documents);
    console.log(
      `alias products → ${result.index}: ${result.documents} documents, ${result.caughtUp} caught up` +
        (result.previous.length > 0 ? `, deleted ${result.previous.join(', ')}` : ''),
    );
  } finally {
    await search.close();
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
