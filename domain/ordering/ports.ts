import type { SaleStatus } from '../catalog/sale-status';

/**
 * What ordering needs from the catalog and inventory about a variant right now: its product,
 * seller, current price and live sellable stock. Implemented over the catalog's published
 * `productDetail` and inventory's `levels` (no joins into their tables).
 */
export interface VariantOffer {
  variantId: string;
  productId: string;
  sellerId: string;
  productName: string;
  options: Record<string, string>;
  /** Current price in whole won (product price + the variant's delta). */
  unitPrice: number;
  productStatus: SaleStatus;
  sellable: number;
}

export interface VariantCatalog {
  /** Offers of the variants that can be found and are not suspended; others are absent from the map. */
  offers(variantIds: string[]): Promise<Map<string, VariantOffer>>;
}

/**
 * The buyer's spendable points (적립금). The payment context's points ledger implements it
 * (`availablePoints = (await ledger.balance(userId)).available`); ordering only checks the balance at
 * placement: the points are held by the payment attempt.
 */
export interface PointsBalancePort {
  availablePoints(userId: string): Promise<number>;
}
