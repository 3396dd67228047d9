import type { SellerProductCursor, SellerProductList, SellerProductStatus } from '../../domain/catalog/ports';
import type { CatalogDeps } from './catalog-deps';
import { sellerView, type SellerProductView } from './product-views';

/** A seller's own catalogue, suspended products included, newest first (read from the write tables). */
export class SellerProductListing {
  constructor(private readonly deps: Pick<CatalogDeps, 'inventory'> & { list: SellerProductList }) {}

  async list(
    sellerId: string,
    query: { status?: SellerProductStatus; q?: string; after?: SellerProductCursor; limit: number },
  ): Promise<{ items: SellerProductView[]; next: SellerProductCursor | null }> {
    const q = query.q?.normalize('NFC').trim();
    const page = await this.deps.list.list(sellerId, { ...query, q: q || undefined });
    const items = await Promise.all(page.items.map((product) => sellerView(this.deps.inventory, product)));
    return { items, next: page.next };
  }
}
