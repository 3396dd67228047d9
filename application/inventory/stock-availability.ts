import type { ReservationLine } from '../../domain/inventory/reservation';
import { availabilityTransition, sellableOf, type StockLevel } from '../../domain/inventory/stock-level';
import type { Transaction } from '../../domain/shared/unit-of-work';
import type { InventoryDeps } from './inventory-deps';

/** Tells the catalog about products whose availability may have flipped, and queues post-commit work. */
export async function reportAvailability(
  deps: InventoryDeps,
  tx: Transaction,
  changed: StockLevel[],
  increasedVariantIds: string[],
): Promise<void> {
  const productIds = [...new Set(changed.map((level) => level.productId))];
  const { listener, onStockReturned, onError, transactions } = deps;
  if (productIds.length > 0 && listener) {
    await listener.availabilityChanged(await deps.stock.productAvailability(productIds, tx), tx);
    transactions.afterCommit(
      tx,
      () => listener.afterAvailabilityCommitted(productIds),
      (e) => onError(e, 'catalog refresh after stock change'),
    );
  }
  if (increasedVariantIds.length > 0 && onStockReturned) {
    transactions.afterCommit(
      tx,
      () => onStockReturned(increasedVariantIds),
      (e) => onError(e, 'waiting queue after stock returned'),
    );
  }
}

/** Units went back on sale: products that came back in stock, and the waiting queues of these variants. */
export async function afterIncrease(
  deps: InventoryDeps,
  tx: Transaction,
  lines: ReservationLine[],
): Promise<void> {
  if (lines.length === 0) return;
  const after = await deps.stock.levels(
    lines.map((line) => line.variantId),
    tx,
  );
  const changed = after.filter((level) => {
    const quantity = lines.find((line) => line.variantId === level.variantId)!.quantity;
    return availabilityTransition(sellableOf(level) - quantity, sellableOf(level)) !== null;
  });
  await reportAvailability(
    deps,
    tx,
    changed,
    lines.map((line) => line.variantId),
  );
}
