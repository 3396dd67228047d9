import { createHash, randomInt } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { ProductBrowsing } from '../../application/catalog/product-browsing';
import type { InventoryService } from '../../application/inventory/inventory';
import { CatalogVariantOffers } from '../../application/ordering/catalog-variant-offers';
import { OrderPersonalDataEraser } from '../../application/ordering/erase-order-personal-data';
import { CartService } from '../../application/ordering/manage-cart';
import { OrderPlacementService, type OrderPlacementDeps } from '../../application/ordering/place-order';
import { recordTransition, type TransitionRequest } from '../../application/ordering/record-transition';
import type { PiiCipher } from '../../domain/identity/ports';
import { ORDER_SERIAL_LIMIT } from '../../domain/ordering/order-number';
import type { PointsBalancePort, VariantCatalog } from '../../domain/ordering/ports';
import type { KeyValueStore } from '../../platform/cache/key-value-store';
import { TypeOrmUnitOfWork } from '../inventory/typeorm-unit-of-work';
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

/** SHA-256 in hex: the digest of a placement request kept with its Idempotency-Key. */
export const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Wires the ordering context over one data source (API, workers, tests). */
export function createOrdering(deps: {
  dataSource: DataSource;
  kv: KeyValueStore;
  cipher: PiiCipher;
  catalog: Pick<ProductBrowsing, 'productDetail'>;
  inventory: InventoryService;
  points?: PointsBalancePort;
  newId: () => string;
  now?: () => Date;
  placement?: Partial<
    Pick<OrderPlacementDeps, 'afterReservation' | 'inFlightWaitMs' | 'inFlightTtlMs' | 'orderSerial'>
  >;
}): OrderingServices {
  const now = deps.now ?? (() => new Date());
  const transactions = new TypeOrmUnitOfWork(deps.dataSource);
  const orders = new TypeOrmOrderRepository(deps.dataSource, deps.cipher, deps.newId);
  const carts = new TypeOrmCartRepository(deps.dataSource);
  const catalog = new CatalogVariantOffers(deps.catalog, deps.inventory);
  return {
    orders,
    carts,
    variants: catalog,
    cart: new CartService({ carts, catalog, now, newId: deps.newId }),
    placement: new OrderPlacementService({
      transactions,
      orders,
      carts,
      catalog,
      stock: deps.inventory,
      points: deps.points ?? noPoints,
      inFlight: deps.kv,
      now,
      newId: deps.newId,
      digest: sha256Hex,
      ...deps.placement,
      orderSerial: deps.placement?.orderSerial ?? (() => randomInt(ORDER_SERIAL_LIMIT)),
    }),
    eraser: new OrderPersonalDataEraser(orders, carts),
    recordTransition: (orderId, request) => recordTransition({ transactions, orders }, orderId, request),
  };
}
