import type { EntityManager } from 'typeorm';
import type { ProductSearch } from '../../domain/catalog/ports';
import type { ProductAvailability } from '../../domain/inventory/ports';
import type { StockChangeListener } from '../inventory/stock-change-listener';
import type { ProductCache } from './product-cache';
import type { TypeOrmProductRepository } from './typeorm-product.repository';

/** The catalog's side of stock changes: derives SOLD_OUT / ON_SALE and counts sales for the popularity sort. */
export class CatalogStockListener implements StockChangeListener {
  constructor(
    private readonly products: TypeOrmProductRepository,
    private readonly cache: ProductCache,
    private readonly search: ProductSearch,
  ) {}

  async availabilityChanged(changes: ProductAvailability[], manager: EntityManager): Promise<void> {
    await this.products.applyAvailability(changes, manager);
  }

  async unitsSold(sales: { productId: string; quantity: number }[], manager: EntityManager): Promise<void> {
    await this.products.addPopularity(sales, manager);
  }

  async afterAvailabilityCommitted(productIds: string[]): Promise<void> {
    await this.cache.invalidate(productIds);
    await this.search.productsChanged(productIds);
  }
}
