import type { DataSource } from 'typeorm';
import { createInventoryActivities } from '../activities/inventory/inventory.activities';
import { createLowStockRoutes } from '../api/inventory/low-stock.routes';
import { createStockRoutes } from '../api/inventory/stock.routes';
import { createWaitlistRoutes } from '../api/inventory/waitlist.routes';
import type { Catalog } from '../application/catalog/catalog';
import { InventoryService, type InventoryDeps } from '../application/inventory/inventory';
import { WaitlistPersonalDataEraser } from '../application/inventory/erase-waitlist-personal-data';
import { lowStockAlerts } from '../application/inventory/low-stock-alerts';
import { WaitlistService, type WaitlistDeps } from '../application/inventory/waitlist';
import type { StockChangeListener } from '../domain/inventory/ports';
import type { SellerAlert } from '../domain/notification/seller-alert';
import { TypeOrmLowStockStore } from '../persistence/inventory/typeorm-low-stock.store';
import { TypeOrmStockStore } from '../persistence/inventory/typeorm-stock.store';
import { TypeOrmUnitOfWork } from '../persistence/inventory/typeorm-unit-of-work';
import { TypeOrmWaitlistStore } from '../persistence/inventory/typeorm-waitlist.store';
import { TemporalRestockHoldStarter } from '../workflows/inventory/restock-hold.starter';
import type { ContextInfra, HttpWiring, Routes } from './context-infra';

/** Inventory's use cases over one data source (reservations, stock edits). */
export function createInventory(
  deps: { dataSource: DataSource; newId: () => string; now?: () => Date } & Pick<
    InventoryDeps,
    'onError' | 'listener' | 'onStockReturned' | 'maxEditAttempts' | 'events' | 'lowStock'
  >,
): InventoryService {
  const { dataSource, newId, now, ...rest } = deps;
  return new InventoryService({
    transactions: new TypeOrmUnitOfWork(dataSource),
    stock: new TypeOrmStockStore(dataSource, newId),
    waitlist: new TypeOrmWaitlistStore(dataSource),
    now: now ?? (() => new Date()),
    ...rest,
  });
}

/** The waiting queues over one data source, reserving through `inventory`. */
export function createWaitlist(
  deps: { dataSource: DataSource; now?: () => Date } & Pick<
    WaitlistDeps,
    'inventory' | 'newId' | 'holdStarter'
  >,
): WaitlistService {
  const { dataSource, now, ...rest } = deps;
  return new WaitlistService({
    transactions: new TypeOrmUnitOfWork(dataSource),
    entries: new TypeOrmWaitlistStore(dataSource),
    now: now ?? (() => new Date()),
    ...rest,
  });
}

/** What inventory takes from the catalog, which is created after it (the two call each other). */
export interface CatalogForInventory {
  stockListener: StockChangeListener;
  catalog: Pick<Catalog, 'browsing' | 'sellerProducts'>;
}

export interface InventoryContext {
  inventory: InventoryService;
  waitlist: WaitlistService;
  /** Withdrawal: the user's waiting-queue entries. */
  eraser: WaitlistPersonalDataEraser;
  routes(http: HttpWiring): Routes;
  activities(): ReturnType<typeof createInventoryActivities>;
}

/**
 * Stock and the waiting queues. Availability changes go to the catalog (sold-out status, caches);
 * returned stock goes to the waiting queue (restock holds).
 */
export function createInventoryContext(
  infra: ContextInfra,
  deps: {
    catalog: () => CatalogForInventory;
    /** The notification context's seller alerts (created after inventory); absent: nobody is told. */
    sellerAlerts?: () => { send(alert: SellerAlert): Promise<void> };
  },
): InventoryContext {
  const logger = infra.logger.child({ context: 'inventory' });
  const listener = (): StockChangeListener => deps.catalog().stockListener;
  const describeForSeller = async (productId: string, variantId: string) => {
    const product = await deps.catalog().catalog.browsing.productDetail(productId);
    const variant = product?.variants.find((v) => v.id === variantId);
    if (!product || !variant) return null;
    const optionLabel = Object.entries(variant.options)
      .map(([k, v]) => `${k}: ${v}`)
      .join(' / ');
    return { sellerId: product.sellerId, productName: product.name, optionLabel: optionLabel || '기본' };
  };
  const lowStockStore = new TypeOrmLowStockStore(infra.dataSource);
  const inventory = createInventory({
    dataSource: infra.dataSource,
    newId: infra.newId,
    now: infra.now,
    events: { outbox: infra.outbox, newId: infra.newId },
    onError: (error, what) => logger.error({ err: error }, `${what} failed`),
    listener: {
      availabilityChanged: (changes, tx) => listener().availabilityChanged(changes, tx),
      unitsSold: (sales, tx) => listener().unitsSold(sales, tx),
      afterAvailabilityCommitted: (productIds) => listener().afterAvailabilityCommitted(productIds),
    },
    // `waitlist` is created just below; stock only returns after this wiring is complete.
    onStockReturned: async (variantIds) => void (await waitlist.offerHolds(variantIds)),
    lowStock: {
      store: lowStockStore,
      listener: lowStockAlerts({
        describe: describeForSeller,
        send: async (alert) => deps.sellerAlerts?.().send(alert),
        now: infra.now,
      }),
    },
  });
  const waitlist = createWaitlist({
    dataSource: infra.dataSource,
    inventory,
    now: infra.now,
    newId: infra.newId,
    holdStarter: new TemporalRestockHoldStarter(infra.temporal),
  });
  async function describeVariant(productId: string, variantId: string) {
    const product = await deps.catalog().catalog.browsing.productDetail(productId);
    const variant = product?.variants.find((v) => v.id === variantId);
    if (!product || !variant) return null;
    return {
      productName: product.name,
      optionLabel:
        Object.entries(variant.options)
          .map(([k, v]) => `${k}: ${v}`)
          .join(' / ') || '기본',
    };
  }
  return {
    inventory,
    waitlist,
    eraser: new WaitlistPersonalDataEraser(waitlist, new TypeOrmWaitlistStore(infra.dataSource)),
    routes: ({ authenticate }) => [
      createStockRoutes({ sellerProducts: deps.catalog().catalog.sellerProducts, authenticate }),
      createLowStockRoutes({
        store: lowStockStore,
        describe: describeForSeller,
        now: infra.now,
        authenticate,
      }),
      createWaitlistRoutes({ waitlist, authenticate, describeVariant }),
    ],
    activities: () =>
      createInventoryActivities({
        waitlist,
        describeVariant,
      }),
  };
}
