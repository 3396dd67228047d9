import type { ProductCache, ProductRepository } from '../../domain/catalog/ports';
import type { ProductAvailability, StockChangeListener } from '../../domain/inventory/ports';
import type { Transaction } from '../../domain/shared/unit-of-work';
import { productEvent, type CatalogDeps } from './catalog-deps';

/** The catalog's side of stock changes: derives SOLD_OUT / ON_SALE and counts sales for the popularity sort. */
export class CatalogStockListener implements StockChangeListener {
  constructor(
    private readonly products: Pick<ProductRepository, 'applyAvailability' | 'addPopularity'>,
    private readonly cache: ProductCache,
    private readonly events: Pick<CatalogDeps, 'outbox' | 'newId' | 'now'>,
  ) {}

  async availabilityChanged(changes: ProductAvailability[], tx: Transaction): Promise<void> {
    await this.products.applyAvailability(changes, tx);
    await this.events.outbox.append(
      changes.map((change) => productEvent(this.events, 'availability-changed', change.productId)),
      tx,
    );
  }

  async unitsSold(sales: { productId: string; quantity: number }[], tx: Transaction): Promise<void> {
    await this.products.addPopularity(sales, tx);
    await this.events.outbox.append(
      sales.map((sale) => productEvent(this.events, 'popularity-changed', sale.productId)),
      tx,
    );
  }

  async afterAvailabilityCommitted(productIds: string[]): Promise<void> {
    await this.cache.invalidate(productIds);
  }
}
