import { DomainError } from '../shared/domain-error';
import { InventoryErrorCode, invalidQuantity } from './inventory-errors';

/** Stock of one variant (SKU). Sellable is what new orders may take: on hand minus reserved. */
export interface StockLevel {
  variantId: string;
  productId: string;
  onHand: number;
  reserved: number;
  version: number;
}

export const sellableOf = (level: Pick<StockLevel, 'onHand' | 'reserved'>): number =>
  level.onHand - level.reserved;

/** A seller sets the count on hand; it may not drop below what orders have already reserved. */
export function checkOnHandChange(level: StockLevel, onHand: number, field = 'body.onHand'): void {
  if (!Number.isSafeInteger(onHand) || onHand < 0) throw invalidQuantity(field, 'must be a whole number ≥ 0');
  if (onHand < level.reserved) {
    throw new DomainError(
      InventoryErrorCode.STOCK_BELOW_RESERVED,
      `${field}: ${onHand} is below the ${level.reserved} units already reserved by orders`,
      {
        variantId: level.variantId,
        reserved: level.reserved,
        errors: [{ field, message: `must be at least ${level.reserved}` }],
      },
    );
  }
}

/** Which way a variant's sellable stock moved across zero (what the catalog and the waiting queue care about). */
export type AvailabilityTransition = 'SOLD_OUT' | 'BACK_IN_STOCK' | null;

export function availabilityTransition(
  sellableBefore: number,
  sellableAfter: number,
): AvailabilityTransition {
  if (sellableBefore > 0 && sellableAfter <= 0) return 'SOLD_OUT';
  if (sellableBefore <= 0 && sellableAfter > 0) return 'BACK_IN_STOCK';
  return null;
}
