import { categoryNotFound } from '../../domain/catalog/category';
import type { SellerDisclosures } from '../../domain/catalog/ports';
import type { ProductSearchPage, ProductSearchQuery } from '../../domain/catalog/search-query';
import type { CatalogDeps } from './catalog-deps';
import { cachedDetail, type CachedProductDetail, type ProductDetail } from './product-views';

/** What shoppers read: product pages and searches. */
export class ProductBrowsing {
  constructor(
    private readonly deps: Pick<CatalogDeps, 'products' | 'categories' | 'search' | 'inventory' | 'cache'>,
    private readonly options: {
      observeSearchSeconds?: (seconds: number) => void;
      /** The seller's 표시사항 on the product page, cached on their own; absent: `seller` is null. */
      sellers?: SellerDisclosures;
    } = {},
  ) {}

  /** A product page: the cached product merged with live sellable stock. SUSPENDED products are hidden. */
  async productDetail(productId: string): Promise<ProductDetail | null> {
    const detail = await this.deps.cache.detail<CachedProductDetail>(productId, async () => {
      const product = await this.deps.products.findById(productId);
      return product ? cachedDetail(product) : null;
    });
    if (!detail || detail.status === 'SUSPENDED') return null;
    const [sellable, seller] = await Promise.all([
      this.deps.inventory.sellableOf(detail.variants.map((v) => v.id)),
      this.options.sellers?.disclosureOf(detail.sellerId) ?? null,
    ]);
    return {
      ...detail,
      seller,
      variants: detail.variants.map((v) => ({ ...v, sellable: Math.max(0, sellable.get(v.id) ?? 0) })),
    };
  }

  /**
   * Resolves the category subtree (cached), then asks the search port. Result pages are not cached:
   * the read model answers from memory, and a cached page would be older than the projection.
   */
  async search(
    query: Omit<ProductSearchQuery, 'categoryIds'> & { categoryId?: string },
  ): Promise<ProductSearchPage> {
    const { categoryId, ...rest } = query;
    const categoryIds = categoryId ? await this.subtree(categoryId) : undefined;
    const started = performance.now();
    const page = await this.deps.search.search({ ...rest, categoryIds });
    this.options.observeSearchSeconds?.((performance.now() - started) / 1000);
    return page;
  }

  private async subtree(categoryId: string): Promise<string[]> {
    // An unknown category throws inside the load, so "not found" is never cached.
    return this.deps.cache.search(`subtree:${categoryId}`, async () => {
      const ids = await this.deps.categories.subtreeIds(categoryId);
      if (ids.length === 0) throw categoryNotFound(categoryId, 'query.categoryId');
      return ids;
    });
  }
}
