import type { ProductCache, ProductRepository, ProductSearch } from '../../domain/catalog/ports';
import type { ProductAvailability, StockChangeListener } from '../../domain/inventory/ports';
import type { Transaction } from '../../domain/shared/unit-of-work';

/** The catalog's side of stock changes: derives SOLD_OUT / ON_SALE and counts sales for the popularity sort. */
export class CatalogStockListener implements StockChangeListener {
  constructor(
    private readonly products: Pick<ProductRepository, 'applyAvailability' | 'addPopularity'>,
    private readonly cache: ProductCache,
    private readonly search: ProductSearch,
  ) {}

  async availabilityChanged(changes: ProductAvailability[], tx: Transaction): Promise<void> {
    await this.products.applyAvailability(changes, tx);
  }

  async unitsSold(sales: { productId: string; quantity: number }[], tx: Transaction): Promise<void> {
    await this.products.addPopularity(sales, tx);
  }

  async afterAvailabilityCommitted(productIds: string[]): Promise<void> {
    await this.cache.invalidate(productIds);
    await this.search.productsChanged(productIds);
  }
}
