import { InventoryErrorCode } from '../../domain/inventory/inventory-errors';
import type { ReservationLine } from '../../domain/inventory/reservation';
import type { LowStockCrossing } from '../../domain/inventory/low-stock';
import { DomainError } from '../../domain/shared/domain-error';
import {
  checkReference,
  lineOf,
  within,
  type InventoryCallOptions,
  type InventoryDeps,
  type ReservationResult,
} from './inventory-deps';
import { announceLowStock, flagLowStock } from './low-stock-watch';

/** Payment completed: the reserved units leave the shelf (onHand and reserved both drop). */
export async function commitReservation(
  deps: InventoryDeps,
  orderId: string,
  options: InventoryCallOptions = {},
): Promise<ReservationResult> {
  const reference = checkReference(orderId);
  let lowStock: LowStockCrossing[] = [];
  const result = await within(deps, options, async (tx) => {
    const rows = await deps.stock.reservations(reference, tx);
    if (rows.length === 0) {
      throw new DomainError(
        InventoryErrorCode.RESERVATION_NOT_FOUND,
        `No reservation for order ${reference}`,
        {
          orderId: reference,
        },
      );
    }
    if (rows.some((row) => row.status === 'RELEASED')) {
      throw new DomainError(
        InventoryErrorCode.RESERVATION_MISMATCH,
        `The reservation of order ${reference} was released; it cannot be committed`,
        { orderId: reference },
      );
    }
    const now = deps.now();
    const committed: ReservationLine[] = [];
    for (const row of rows.filter((r) => r.status === 'HELD')) {
      if (!(await deps.stock.settle(row.id, 'COMMITTED', now, tx))) continue;
      await deps.stock.shipOut(row.variantId, row.quantity, now, tx);
      committed.push(lineOf(row));
    }
    if (committed.length > 0 && deps.listener) {
      const levels = await deps.stock.levels(
        committed.map((line) => line.variantId),
        tx,
      );
      const perProduct = new Map<string, number>();
      for (const line of committed) {
        const productId = levels.find((level) => level.variantId === line.variantId)?.productId;
        if (productId) perProduct.set(productId, (perProduct.get(productId) ?? 0) + line.quantity);
      }
      await deps.listener.unitsSold(
        [...perProduct].map(([productId, quantity]) => ({ productId, quantity })),
        tx,
      );
    }
    lowStock = await flagLowStock(
      deps,
      committed.map((line) => line.variantId),
      tx,
    );
    return {
      reference,
      lines: rows.map(lineOf),
      status: 'COMMITTED' as const,
      repeated: committed.length === 0,
    };
  });
  await announceLowStock(deps, lowStock);
  return result;
}
