import { variantNotFound } from '../../domain/inventory/inventory-errors';
import { DuplicateKeyError } from '../../domain/shared/unit-of-work';
import { summariseLines, type ReservationLine } from '../../domain/inventory/reservation';
import {
  checkReference,
  lineOf,
  repeatedReservation,
  within,
  type InventoryCallOptions,
  type InventoryDeps,
  type ReservationResult,
} from './inventory-deps';
import { afterIncrease } from './stock-availability';

/**
 * Payment failed, timed out or the order was cancelled before payment: held units go back on
 * sale. Releasing an unknown or already released order changes nothing; committed units stay
 * deducted (a cancel after payment restocks instead).
 */
export async function releaseReservation(
  deps: InventoryDeps,
  orderId: string,
  options: InventoryCallOptions = {},
): Promise<ReservationResult> {
  const reference = checkReference(orderId);
  return within(deps, options, async (tx) => {
    const rows = await deps.stock.reservations(reference, tx);
    const now = deps.now();
    const released: ReservationLine[] = [];
    for (const row of rows.filter((r) => r.status === 'HELD')) {
      if (!(await deps.stock.settle(row.id, 'RELEASED', now, tx))) continue;
      await deps.stock.unreserve(row.variantId, row.quantity, now, tx);
      released.push(lineOf(row));
    }
    await afterIncrease(deps, tx, released);
    return { reference, lines: released, status: 'RELEASED', repeated: released.length === 0 };
  });
}

/**
 * Units come back on the shelf: a cancel after payment or an approved return. `restockId` keys
 * the call (e.g. `<orderId>:cancel` or a return id) so a retry does not count the units twice.
 */
export async function restockLines(
  deps: InventoryDeps,
  restockId: string,
  lines: ReservationLine[],
  options: InventoryCallOptions = {},
): Promise<ReservationResult> {
  const reference = checkReference(`restock:${restockId}`);
  const supply = summariseLines(lines);
  return within(deps, options, async (tx) => {
    const existing = await deps.stock.reservations(reference, tx);
    if (existing.length > 0) return repeatedReservation(reference, existing, supply);
    const now = deps.now();
    if (!(await deps.stock.insertReservations(reference, supply, 'RESTOCKED', now, tx)))
      throw new DuplicateKeyError(`${reference} is being recorded by another call; retry`);
    for (const line of supply) {
      if (!(await deps.stock.addOnHand(line.variantId, line.quantity, now, tx)))
        throw variantNotFound(line.variantId);
    }
    await afterIncrease(deps, tx, supply);
    return { reference, lines: supply, status: 'RESTOCKED', repeated: false };
  });
}
