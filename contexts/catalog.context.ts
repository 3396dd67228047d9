import { createAdminCategoryRoutes } from '../api/catalog/admin-categories.routes';
import { createProductRoutes } from '../api/catalog/products.routes';
import { createSellerProductRoutes } from '../api/catalog/seller-products.routes';
import { createCatalog, type Catalog } from '../application/catalog/catalog';
import { CatalogStockListener } from '../application/catalog/catalog-stock-listener';
import { ProductBrowsing } from '../application/catalog/product-browsing';
import type { ProductSearch, StockAvailability } from '../domain/catalog/ports';
import type { StockChangeListener } from '../domain/inventory/ports';
import { LocalDiskImageStorage } from '../integrations/storage/local-disk-image-storage.adapter';
import { DbProductSearch } from '../persistence/catalog/db-product-search';
import { KeyValueProductCache } from '../persistence/catalog/product-cache';
import { TypeOrmCategoryRepository } from '../persistence/catalog/typeorm-category.repository';
import { TypeOrmProductRepository } from '../persistence/catalog/typeorm-product.repository';
import { TypeOrmUnitOfWork } from '../persistence/inventory/typeorm-unit-of-work';
import type { ContextInfra, HttpWiring, Routes } from './context-infra';

export interface CatalogContext {
  catalog: Catalog;
  search: ProductSearch;
  /** Inventory's stock changes, applied to products (status, popularity) and their caches. */
  stockListener: StockChangeListener;
  routes(http: HttpWiring): Routes;
}

/** How long after a product change a replica may still answer the old row (docs/deployment.md#read-replicas). */
const REPLICA_LAG_ALLOWANCE_MS = 2000;

/** Products, categories, images and search; live stock is inventory's (`deps.inventory`). */
export function createCatalogContext(
  infra: ContextInfra,
  deps: { inventory: StockAvailability; search?: ProductSearch },
): CatalogContext {
  const logger = infra.logger.child({ context: 'catalog' });
  const products = new TypeOrmProductRepository(infra.dataSource);
  // Shoppers' product pages and searches tolerate replication lag (infra.reads); sellers' edits never do.
  const search = deps.search ?? new DbProductSearch(infra.dataSource, infra.reads);
  const cache = new KeyValueProductCache(
    infra.kv,
    (error) => logger.error({ err: error }, 'product cache failed'),
    { replicaLagMs: infra.reads.replicated ? REPLICA_LAG_ALLOWANCE_MS : 0 },
  );
  const catalogDeps = {
    transactions: new TypeOrmUnitOfWork(infra.dataSource),
    products,
    categories: new TypeOrmCategoryRepository(infra.dataSource),
    search,
    images: new LocalDiskImageStorage(infra.imageStorageDir),
    inventory: deps.inventory,
    cache,
    now: infra.now,
    newId: infra.newId,
  };
  const catalog: Catalog = {
    ...createCatalog(catalogDeps),
    browsing: new ProductBrowsing({
      ...catalogDeps,
      products: new TypeOrmProductRepository(infra.dataSource, infra.reads),
    }),
  };
  return {
    catalog,
    search,
    stockListener: new CatalogStockListener(products, cache, search),
    routes: ({ authenticate }) => [
      createProductRoutes({ catalog, publicBaseUrl: infra.publicBaseUrl }),
      createSellerProductRoutes({ catalog, authenticate, publicBaseUrl: infra.publicBaseUrl }),
      createAdminCategoryRoutes({ categories: catalog.categories, authenticate }),
    ],
  };
}
