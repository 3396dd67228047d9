import type { OpenAPIHono } from '@hono/zod-openapi';
import type { DataSource } from 'typeorm';
import type { PiiCipher } from '../../domain/identity/ports';
import type { PointsBalancePort } from '../../domain/ordering/ports';
import type { CatalogService } from '../../persistence/catalog/catalog.service';
import type { InventoryService } from '../../persistence/inventory/inventory.service';
import { createOrdering, type OrderingServices } from '../../persistence/ordering/ordering-module';
import type { KeyValueStore } from '../../platform/cache/key-value-store';
import type { AppEnv } from '../app-env';
import type { Authenticate } from '../middleware/authenticate';
import { createCartRoutes } from './cart.routes';
import { createOrderPlacementRoutes, type OnOrderPlaced } from './order-placement.routes';
import { createOrderRoutes } from './orders.routes';
import { createSellerOrderRoutes } from './seller-orders.routes';

export interface OrderingModule extends OrderingServices {
  routes: OpenAPIHono<AppEnv>[];
  /** `POST /orders`, for composeApp to mount once OrderLifecycle can be started in the same request. */
  placementRoutes(onPlaced: OnOrderPlaced): OpenAPIHono<AppEnv>;
}

/** The ordering context (cart and orders) behind HTTP. */
export function createOrderingModule(input: {
  dataSource: DataSource;
  kv: KeyValueStore;
  cipher: PiiCipher;
  catalog: Pick<CatalogService, 'productDetail'>;
  inventory: InventoryService;
  points?: PointsBalancePort;
  newId: () => string;
  authenticate: Authenticate;
}): OrderingModule {
  const services = createOrdering(input);
  return {
    ...services,
    routes: [
      createCartRoutes({ cart: services.cart, authenticate: input.authenticate }),
      createOrderRoutes({ orders: services.orders, authenticate: input.authenticate }),
      createSellerOrderRoutes({ orders: services.orders, authenticate: input.authenticate }),
    ],
    placementRoutes: (onPlaced) =>
      createOrderPlacementRoutes({
        placement: services.placement,
        authenticate: input.authenticate,
        onPlaced,
      }),
  };
}
