import type { DataSource } from 'typeorm';
import { createCatalog, type Catalog } from '../../application/catalog/catalog';
import { CatalogStockListener } from '../../application/catalog/catalog-stock-listener';
import type { InventoryService } from '../../application/inventory/inventory';
import type { WaitlistService } from '../../application/inventory/waitlist';
import type { ImageStorage, ProductSearch } from '../../domain/catalog/ports';
import type { RestockHoldStarter } from '../../domain/inventory/ports';
import type { KeyValueStore } from '../../platform/cache/key-value-store';
import { createInventory, createWaitlist } from '../inventory/inventory-module';
import { TypeOrmUnitOfWork } from '../inventory/typeorm-unit-of-work';
import { DbProductSearch } from './db-product-search';
import { KeyValueProductCache } from './product-cache';
import { TypeOrmCategoryRepository } from './typeorm-category.repository';
import { TypeOrmProductRepository } from './typeorm-product.repository';

export interface CatalogInventory {
  catalog: Catalog;
  inventory: InventoryService;
  waitlist: WaitlistService;
  search: ProductSearch;
}

/**
 * Wires the catalog and inventory contexts over one data source: inventory reports availability
 * changes to the catalog (status) and returned stock to the waiting queue (holds). Used by every
 * composition root (API, workers, embedded launcher, tests, benchmark).
 */
export function createCatalogInventory(deps: {
  dataSource: DataSource;
  kv: KeyValueStore;
  images: ImageStorage;
  newId: () => string;
  now?: () => Date;
  holdStarter?: RestockHoldStarter;
  search?: ProductSearch;
  onError: (error: unknown, context: string) => void;
}): CatalogInventory {
  const now = deps.now ?? (() => new Date());
  const products = new TypeOrmProductRepository(deps.dataSource);
  const search = deps.search ?? new DbProductSearch(deps.dataSource);
  const cache = new KeyValueProductCache(deps.kv, (error) => deps.onError(error, 'product cache'));
  const inventory = createInventory({
    dataSource: deps.dataSource,
    now,
    newId: deps.newId,
    onError: deps.onError,
    listener: new CatalogStockListener(products, cache, search),
    // `waitlist` is created just below; stock only returns after this wiring is complete.
    onStockReturned: async (variantIds) => void (await waitlist.offerHolds(variantIds)),
  });
  const waitlist = createWaitlist({
    dataSource: deps.dataSource,
    inventory,
    now,
    newId: deps.newId,
    holdStarter: deps.holdStarter,
  });
  const catalog = createCatalog({
    transactions: new TypeOrmUnitOfWork(deps.dataSource),
    products,
    categories: new TypeOrmCategoryRepository(deps.dataSource),
    search,
    images: deps.images,
    inventory,
    cache,
    now,
    newId: deps.newId,
  });
  return { catalog, inventory, waitlist, search };
}
