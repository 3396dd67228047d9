import type { LowStockCrossing, LowStockListener } from '../../domain/inventory/low-stock';
import type { SellerAlert } from '../../domain/notification/seller-alert';

export interface LowStockAlertDeps {
  /** The variant as its seller knows it; null when the product is gone or suspended (nobody is told). */
  describe(
    productId: string,
    variantId: string,
  ): Promise<{ sellerId: string; productName: string; optionLabel: string } | null>;
  send(alert: SellerAlert): Promise<void>;
  now(): Date;
}

/** Low stock told to the seller and its ORDERS managers, with the product's name and option. */
export function lowStockAlerts(deps: LowStockAlertDeps): LowStockListener {
  return {
    async lowStock(crossings: LowStockCrossing[]) {
      for (const crossing of crossings) {
        const variant = await deps.describe(crossing.productId, crossing.variantId);
        if (!variant) continue;
        await deps.send({
          sellerId: variant.sellerId,
          templateCode: 'SELLER_LOW_STOCK',
          variables: {
            상품명: variant.productName,
            옵션명: variant.optionLabel,
            남은수량: String(crossing.sellable),
            알림기준: String(crossing.threshold),
          },
          // One message per fall: the flag is re-armed only after the stock rose above the threshold.
          dedupeKey: `seller-low-stock:${crossing.variantId}:${deps.now().getTime()}`,
        });
      }
    },
  };
}
