import type { DataSource } from 'typeorm';
import { InventoryService, type InventoryDeps } from '../../application/inventory/inventory';
import { WaitlistService, type WaitlistDeps } from '../../application/inventory/waitlist';
import { TypeOrmStockStore } from './typeorm-stock.store';
import { TypeOrmUnitOfWork } from './typeorm-unit-of-work';
import { TypeOrmWaitlistStore } from './typeorm-waitlist.store';

/** Inventory's use cases over one data source (reservations, stock edits). */
export function createInventory(
  deps: { dataSource: DataSource; newId: () => string; now?: () => Date } & Pick<
    InventoryDeps,
    'onError' | 'listener' | 'onStockReturned' | 'maxEditAttempts'
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
