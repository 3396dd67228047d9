import type { VariantCatalog, VariantOffer } from '../../domain/ordering/ports';
import type { ProductBrowsing } from '../catalog/product-browsing';
import type { InventoryService } from '../inventory/inventory';

/**
 * The ordering context's view of variants, through the catalog's and inventory's published
 * functions only: inventory knows each variant's product, the catalog's `productDetail` gives the
 * seller, name, current price and live sellable stock (SUSPENDED or missing products: absent).
 */
export class CatalogVariantOffers implements VariantCatalog {
  constructor(
    private readonly catalog: Pick<ProductBrowsing, 'productDetail'>,
    private readonly inventory: Pick<InventoryService, 'levels'>,
  ) {}

  async offers(variantIds: string[]): Promise<Map<string, VariantOffer>> {
    const wanted = [...new Set(variantIds)];
    const offers = new Map<string, VariantOffer>();
    if (wanted.length === 0) return offers;
    const levels = await this.inventory.levels(wanted);
    const productIds = [...new Set(levels.map((level) => level.productId))];
    const details = await Promise.all(productIds.map((productId) => this.catalog.productDetail(productId)));
    for (const detail of details) {
      if (!detail) continue;
      for (const variant of detail.variants) {
        if (!wanted.includes(variant.id)) continue;
        offers.set(variant.id, {
          variantId: variant.id,
          productId: detail.id,
          sellerId: detail.sellerId,
          productName: detail.name,
          options: variant.options,
          unitPrice: variant.price,
          productStatus: detail.status,
          sellable: variant.sellable,
          shippingFee: detail.shippingFee ?? null,
          bundleShipping: detail.bundleShipping !== false,
        });
      }
    }
    return offers;
  }
}
