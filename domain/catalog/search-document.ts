import type { SaleStatus } from './sale-status';

/**
 * The product read model (CQRS): one denormalised document per product, built by the
 * product-search projection from the catalog, inventory and seller tables and answered by the
 * search port. Shoppers' searches and product lists read only these (docs/catalog.md).
 */
export interface ProductSearchDocument {
  productId: string;
  sellerId: string;
  /** The seller's 상호 (company name) at projection time. */
  sellerName: string;
  name: string;
  description: string;
  categoryId: string | null;
  /** Names from the root category down to the product's own, e.g. ['디지털', '이어폰']. */
  categoryPath: string[];
  /** Ids of the same path (root first): a filter on any ancestor category matches. */
  categoryPathIds: string[];
  /** Every option value of every variant, de-duplicated, e.g. ['블랙', '화이트', 'L']. */
  optionValues: string[];
  /** The product's list price (what results show and price filters and sorts use). */
  price: number;
  /** The cheapest and dearest variant. */
  minPrice: number;
  maxPrice: number;
  status: SaleStatus;
  /** At least one variant has sellable stock (false for SUSPENDED). */
  sellable: boolean;
  /** Units sold (the popularity sort). */
  popularity: number;
  thumbnailKey: string | null;
  createdAt: Date;
  /** When the projection last wrote it: freshness is measured against this. */
  indexedAt: Date;
}
