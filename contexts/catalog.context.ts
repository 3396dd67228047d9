import { createAdminCategoryRoutes } from '../api/catalog/admin-categories.routes';
import { createSellerCatalogRoutes } from '../api/catalog/seller-catalog.routes';
import { createProductRoutes } from '../api/catalog/products.routes';
import { createSellerProductRoutes } from '../api/catalog/seller-products.routes';
import { createCatalog, type Catalog } from '../application/catalog/catalog';
import { CatalogStockListener } from '../application/catalog/catalog-stock-listener';
import { ProductBrowsing } from '../application/catalog/product-browsing';
import { ProductSearchProjection } from '../application/catalog/product-search-projection';
import { SearchDocumentBuilder } from '../application/catalog/search-document-builder';
import type { ProductSearch, ProductSearchIndex, StockAvailability } from '../domain/catalog/ports';
import type { StockChangeListener } from '../domain/inventory/ports';
import type { EventHandler } from '../domain/shared/domain-event';
import { LocalDiskImageStorage } from '../integrations/storage/local-disk-image-storage.adapter';
import { KeyValueProductCache } from '../persistence/catalog/product-cache';
import { DbProductSearchIndex } from '../persistence/catalog/search/db-product-search-index';
import { TailedProductSearch } from '../persistence/catalog/search/tailed-product-search';
import { TypeOrmProductBatchReader } from '../persistence/catalog/search/typeorm-product-batch-reader';
import { TypeOrmProductIdPages } from '../persistence/catalog/search/typeorm-product-id-pages';
import { TypeOrmCategoryRepository } from '../persistence/catalog/typeorm-category.repository';
import { TypeOrmProductRepository } from '../persistence/catalog/typeorm-product.repository';
import { TypeOrmSellerProductList } from '../persistence/catalog/typeorm-seller-product-list';
import { KeyValueSellerDisclosures } from '../persistence/identity/seller-disclosures';
import { TypeOrmSellerNames } from '../persistence/identity/typeorm-seller-names';
import { TypeOrmUnitOfWork } from '../persistence/inventory/typeorm-unit-of-work';
import type { ProductViewRecorder } from '../api/catalog/products.routes';
import type { ContextInfra, HttpWiring, Routes } from './context-infra';

export interface CatalogContext {
  catalog: Catalog;
  search: ProductSearch;
  /** Inventory's stock changes, applied to products (status, popularity) and their caches. */
  stockListener: StockChangeListener;
  /**
   * The event handlers that keep the read model (the product-search projection). Only a process
   * that relays events runs them: the worker, or the embedded shop; never the API.
   */
  projections: EventHandler[];
  /** Gives every product without a search document one (run by the worker at start); how many it wrote. */
  backfill(): Promise<number>;
  /**
   * Loads the default search's index now rather than at the first search (an API process calls it
   * at start, before it reports ready); resolves at once when Elasticsearch answers searches.
   */
  searchReady(): Promise<void>;
  /** Stops tailing the read model (the default search); the composition root calls it on shutdown. */
  close(): void;
  routes(http: HttpWiring): Routes;
}

/**
 * The Elasticsearch side of search, when ELASTICSEARCH_URL is set
 * (integrations/search/elasticsearch/create-elasticsearch-search.ts builds it; the composition
 * root owns its client and closes it).
 */
export interface ElasticsearchWiring {
  search: ProductSearch;
  index: ProductSearchIndex;
}

/** How long after a product change a replica may still answer the old row (docs/deployment.md#read-replicas). */
const REPLICA_LAG_ALLOWANCE_MS = 2000;

/** Products, categories, images and search; live stock is inventory's (`deps.inventory`). */
export function createCatalogContext(
  infra: ContextInfra,
  deps: {
    inventory: StockAvailability;
    /** When ELASTICSEARCH_URL is set (infra.elasticsearch): searches go there, and the projection indexes there too. */
    elasticsearch?: ElasticsearchWiring;
    /** A search port of the caller's own (tests, benchmarks); overrides the default and Elasticsearch. */
    search?: ProductSearch;
    /** Counts the product page's anonymous view sessions (the KPI context's, docs/kpis.md). */
    productViews?: ProductViewRecorder;
  },
): CatalogContext {
  const logger = infra.logger.child({ context: 'catalog' });
  const products = new TypeOrmProductRepository(infra.dataSource);
  const categories = new TypeOrmCategoryRepository(infra.dataSource);
  // The default search reads the read-model table through the replica route (docs/catalog.md#the-default-search).
  const tailed = new TailedProductSearch(infra.reads, {
    onError: (error) => logger.error({ err: error }, 'tailing the product read model failed'),
    onWarmedUp: (report) => logger.info(report, 'search match lists of the common words built'),
  });
  const search = deps.search ?? deps.elasticsearch?.search ?? tailed;
  const engine = deps.elasticsearch && !deps.search ? 'elasticsearch' : 'memory';
  const cache = new KeyValueProductCache(
    infra.kv,
    (error) => logger.error({ err: error }, 'product cache failed'),
    { replicaLagMs: infra.reads.replicated ? REPLICA_LAG_ALLOWANCE_MS : 0 },
  );
  const catalogDeps = {
    transactions: new TypeOrmUnitOfWork(infra.dataSource),
    products,
    categories,
    search,
    images: new LocalDiskImageStorage(infra.imageStorageDir),
    inventory: deps.inventory,
    cache,
    outbox: infra.outbox,
    now: infra.now,
    newId: infra.newId,
  };
  const searchDuration = infra.metrics?.searchDuration;
  const catalog: Catalog = {
    ...createCatalog(catalogDeps, new TypeOrmSellerProductList(infra.dataSource)),
    browsing: new ProductBrowsing(
      { ...catalogDeps, products: new TypeOrmProductRepository(infra.dataSource, infra.reads) },
      {
        observeSearchSeconds: searchDuration && ((seconds) => searchDuration.observe({ engine }, seconds)),
        sellers: new KeyValueSellerDisclosures(infra.dataSource, infra.cipher, infra.kv, (error) =>
          logger.error({ err: error }, 'seller disclosure cache failed'),
        ),
      },
    ),
  };
  // The projection reads the write side on the primary: it must see the change its event announces.
  const projection = new ProductSearchProjection({
    builder: new SearchDocumentBuilder({
      products: new TypeOrmProductBatchReader(infra.dataSource),
      inventory: deps.inventory,
      categories,
      sellers: new TypeOrmSellerNames(infra.dataSource),
      now: infra.now,
    }),
    indexes: [
      new DbProductSearchIndex(infra.dataSource),
      ...(deps.elasticsearch ? [deps.elasticsearch.index] : []),
    ],
    productIds: new TypeOrmProductIdPages(infra.dataSource),
    categories,
    products,
  });
  return {
    catalog,
    search,
    stockListener: new CatalogStockListener(products, cache, catalogDeps),
    projections: [projection],
    backfill: () => projection.backfillReadModel(),
    searchReady: () => (search === tailed ? tailed.ready() : Promise.resolve()),
    close: () => tailed.stop(),
    routes: ({ authenticate }) => [
      createProductRoutes({ catalog, publicBaseUrl: infra.publicBaseUrl, productViews: deps.productViews }),
      createSellerProductRoutes({ catalog, authenticate, publicBaseUrl: infra.publicBaseUrl }),
      createSellerCatalogRoutes({ catalog, authenticate, publicBaseUrl: infra.publicBaseUrl }),
      createAdminCategoryRoutes({
        categories: catalog.categories,
        categoryAdmin: catalog.categoryAdmin,
        authenticate,
      }),
    ],
  };
}
