import {
  InventoryErrorCode,
  invalidQuantity,
  variantNotFound,
} from '../../domain/inventory/inventory-errors';
import {
  availabilityTransition,
  checkOnHandChange,
  sellableOf,
  type StockLevel,
} from '../../domain/inventory/stock-level';
import { DomainError } from '../../domain/shared/domain-error';
import { within, type InventoryCallOptions, type InventoryDeps } from './inventory-deps';
import { reportAvailability } from './stock-availability';

/** Creates the stock rows of new variants (the catalog calls this in the transaction that stores the product). */
export async function createStock(
  deps: InventoryDeps,
  items: { variantId: string; productId: string; onHand: number }[],
  options: InventoryCallOptions = {},
): Promise<void> {
  if (items.length === 0) return;
  const now = deps.now();
  await within(deps, options, async (tx) => {
    for (const item of items) {
      if (!Number.isSafeInteger(item.onHand) || item.onHand < 0)
        throw invalidQuantity('stock', 'must be a whole number ≥ 0');
    }
    await deps.stock.createLevels(items, now, tx);
  });
}

/**
 * A seller sets the count on hand. Reads, checks the rules, then writes only if nobody changed
 * the row since (version) and the reserved units still fit; otherwise reads again, a bounded
 * number of times, then answers STOCK_CONFLICT.
 */
export async function setOnHand(deps: InventoryDeps, variantId: string, onHand: number): Promise<StockLevel> {
  const attempts = deps.maxEditAttempts ?? 5;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const result = await deps.transactions.run(async (tx) => {
      const [level] = await deps.stock.levels([variantId], tx);
      if (!level) throw variantNotFound(variantId);
      checkOnHandChange(level, onHand);
      if (!(await deps.stock.setOnHandIfUnchanged(variantId, onHand, level.version, deps.now(), tx)))
        return null;
      const [after] = await deps.stock.levels([variantId], tx);
      await deps.events?.outbox.append(
        [
          {
            id: deps.events.newId(),
            type: 'inventory.stock.changed',
            aggregateType: 'product',
            aggregateId: after!.productId,
            occurredAt: deps.now(),
            payload: { productId: after!.productId, variantId },
          },
        ],
        tx,
      );
      const before = level.onHand - after!.reserved;
      const transition = availabilityTransition(before, sellableOf(after!));
      await reportAvailability(
        deps,
        tx,
        transition ? [after!] : [],
        sellableOf(after!) > before ? [after!.variantId] : [],
      );
      return after!;
    });
    if (result) return result;
  }
  throw new DomainError(
    InventoryErrorCode.STOCK_CONFLICT,
    `Stock of variant ${variantId} kept changing; try again`,
    { variantId },
  );
}
