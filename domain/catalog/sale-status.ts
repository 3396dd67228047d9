export const SALE_STATUSES = ['ON_SALE', 'SOLD_OUT', 'SUSPENDED'] as const;
export type SaleStatus = (typeof SALE_STATUSES)[number];

/**
 * The one rule for a product's status: a suspension by the seller wins; otherwise the product is on
 * sale while at least one variant has sellable stock, and sold out when none has.
 */
export function deriveSaleStatus(suspended: boolean, anyVariantSellable: boolean): SaleStatus {
  if (suspended) return 'SUSPENDED';
  return anyVariantSellable ? 'ON_SALE' : 'SOLD_OUT';
}
