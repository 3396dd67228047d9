import type { EntityManager } from 'typeorm';
import type { ProductAvailability } from '../../domain/inventory/ports';

/**
 * How inventory tells the catalog about stock changes it must reflect, inside the same transaction
 * (so a product is never shown ON_SALE with nothing left, nor SOLD_OUT after a restock commits).
 * Called only when a product's availability may have flipped, not on every reservation.
 */
export interface StockChangeListener {
  availabilityChanged(changes: ProductAvailability[], manager: EntityManager): Promise<void>;
  unitsSold(sales: { productId: string; quantity: number }[], manager: EntityManager): Promise<void>;
  /** After commit: caches and external indexes may refresh. */
  afterAvailabilityCommitted(productIds: string[]): Promise<void>;
}
