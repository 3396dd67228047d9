import {
  lowStockChanges,
  type LowStockCrossing,
  type LowStockListener,
  type LowStockStore,
} from '../../domain/inventory/low-stock';
import { sellableOf } from '../../domain/inventory/stock-level';
import type { Transaction } from '../../domain/shared/unit-of-work';
import type { InventoryDeps } from './inventory-deps';

export interface LowStockDeps {
  store: LowStockStore;
  listener: LowStockListener;
}

/**
 * In the transaction that sold units: flags the variants that fell to their threshold (each flag
 * is taken by one transaction only, so two concurrent sales alert once) and re-arms those above it.
 */
export async function flagLowStock(
  deps: Pick<InventoryDeps, 'stock' | 'now' | 'lowStock'>,
  variantIds: string[],
  tx: Transaction,
): Promise<LowStockCrossing[]> {
  if (!deps.lowStock || variantIds.length === 0) return [];
  const levels = (await deps.stock.levels(variantIds, tx)).map((level) => ({
    variantId: level.variantId,
    productId: level.productId,
    sellable: sellableOf(level),
  }));
  const { alert, rearm } = lowStockChanges(levels, await deps.lowStock.store.watches(variantIds, tx));
  const now = deps.now();
  for (const variantId of rearm) await deps.lowStock.store.markAlerted(variantId, false, now, tx);
  const flagged: LowStockCrossing[] = [];
  for (const crossing of alert)
    if (await deps.lowStock.store.markAlerted(crossing.variantId, true, now, tx)) flagged.push(crossing);
  return flagged;
}

/** After the commit: a failed alert is logged, never undoes the sale. */
export async function announceLowStock(
  deps: Pick<InventoryDeps, 'lowStock' | 'onError'>,
  crossings: LowStockCrossing[],
): Promise<void> {
  if (!deps.lowStock || crossings.length === 0) return;
  await deps.lowStock.listener.lowStock(crossings).catch((error) => deps.onError(error, 'low-stock alert'));
}
