import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { TemporalRestockHoldStarter } from '../../workflows/inventory/restock-hold.starter';
import { LocalDiskImageStorage } from '../../integrations/storage/local-disk-image-storage.adapter';
import { createCatalogInventory, type CatalogInventory } from '../../persistence/catalog/catalog-module';
import type { KeyValueStore } from '../../platform/cache/key-value-store';
import type { IdGenerator } from '../../platform/ids';
import type { Logger } from '../../platform/observability/logger';
import type { AppEnv } from '../app-env';
import { createStockRoutes } from '../inventory/stock.routes';
import { createWaitlistRoutes } from '../inventory/waitlist.routes';
import type { Authenticate } from '../middleware/authenticate';
import { createAdminCategoryRoutes } from './admin-categories.routes';
import { createProductRoutes } from './products.routes';
import { createSellerProductRoutes } from './seller-products.routes';

export const DEFAULT_IMAGE_STORAGE_DIR = 'var/images';

export interface CatalogModule extends CatalogInventory {
  routes: OpenAPIHono<AppEnv>[];
}

/** The catalog and inventory contexts behind HTTP: services over the shared infrastructure, and their routers. */
export function createCatalogModule(input: {
  dataSource: DataSource;
  kv: KeyValueStore;
  logger: Logger;
  newId: IdGenerator;
  publicBaseUrl: string;
  authenticate: Authenticate;
  imageStorageDir?: string;
  /** The Temporal client, asked for only when a waiting-queue hold must start. */
  temporalClient: () => Client;
}): CatalogModule {
  const logger = input.logger.child({ context: 'catalog' });
  const services = createCatalogInventory({
    dataSource: input.dataSource,
    kv: input.kv,
    images: new LocalDiskImageStorage(input.imageStorageDir ?? DEFAULT_IMAGE_STORAGE_DIR),
    newId: input.newId,
    holdStarter: new TemporalRestockHoldStarter(input.temporalClient),
    onError: (error, what) => logger.error({ err: error }, `${what} failed`),
  });
  const { catalog, waitlist } = services;
  return {
    ...services,
    routes: [
      createProductRoutes({ catalog, publicBaseUrl: input.publicBaseUrl }),
      createSellerProductRoutes({
        catalog,
        authenticate: input.authenticate,
        publicBaseUrl: input.publicBaseUrl,
      }),
      createAdminCategoryRoutes({ categories: catalog.categories, authenticate: input.authenticate }),
      createStockRoutes({ sellerProducts: catalog.sellerProducts, authenticate: input.authenticate }),
      createWaitlistRoutes({ waitlist, authenticate: input.authenticate }),
    ],
  };
}
