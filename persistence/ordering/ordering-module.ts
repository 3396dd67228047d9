import type { DataSource } from 'typeorm';
import type { PiiCipher } from '../../domain/identity/ports';
import type { PointsBalancePort, VariantCatalog } from '../../domain/ordering/ports';
import type { KeyValueStore } from '../../platform/cache/key-value-store';
import type { CatalogService } from '../catalog/catalog.service';
import type { InventoryService } from '../inventory/inventory.service';
import { CartService } from './cart.service';
import { CatalogVariantOffers } from './catalog-variant-offers';
import { OrderPersonalDataEraser } from './order-personal-data.eraser';
import { OrderPlacementService, type OrderPlacementDeps } from './order-placement.service';
import { recordTransition, type TransitionRequest } from './record-transition';
import { TypeOrmCartRepository } from './typeorm-cart.repository';
import { TypeOrmOrderRepository } from './typeorm-order.repository';

export interface OrderingServices {
  orders: TypeOrmOrderRepository;
  carts: TypeOrmCartRepository;
  cart: CartService;
  placement: OrderPlacementService;
  variants: VariantCatalog;
  eraser: OrderPersonalDataEraser;
  /** The one writer of order statuses (the OrderLifecycle activities call it). */
  recordTransition(orderId: string, request: TransitionRequest): ReturnType<typeof recordTransition>;
}

/**
 * Until the payment context's points ledger is wired, nobody has points: any use of points is
 * refused with POINTS_INSUFFICIENT by the split.
 */
export const noPoints: PointsBalancePort = { availablePoints: async () => 0 };

/** Wires the ordering context over one data source (API, workers, tests). */
export function createOrdering(deps: {
  dataSource: DataSource;
  kv: KeyValueStore;
  cipher: PiiCipher;
  catalog: Pick<CatalogService, 'productDetail'>;
  inventory: InventoryService;
  points?: PointsBalancePort;
  newId: () => string;
  now?: () => Date;
  placement?: Pick<
    OrderPlacementDeps,
    'afterReservation' | 'inFlightWaitMs' | 'inFlightTtlMs' | 'orderSerial'
  >;
}): OrderingServices {
  const now = deps.now ?? (() => new Date());
  const orders = new TypeOrmOrderRepository(deps.dataSource, deps.cipher, deps.newId);
  const carts = new TypeOrmCartRepository(deps.dataSource);
  const catalog = new CatalogVariantOffers(deps.catalog, deps.inventory);
  return {
    orders,
    carts,
    variants: catalog,
    cart: new CartService({ carts, catalog, now, newId: deps.newId }),
    placement: new OrderPlacementService({
      dataSource: deps.dataSource,
      orders,
      carts,
      catalog,
      inventory: deps.inventory,
      points: deps.points ?? noPoints,
      kv: deps.kv,
      now,
      newId: deps.newId,
      ...deps.placement,
    }),
    eraser: new OrderPersonalDataEraser(orders, carts),
    recordTransition: (orderId, request) =>
      recordTransition({ dataSource: deps.dataSource, orders }, orderId, request),
  };
}
