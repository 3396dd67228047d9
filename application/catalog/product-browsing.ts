import { categoryNotFound } from '../../domain/catalog/category';
import type { ProductSearchPage, ProductSearchQuery } from '../../domain/catalog/search-query';
import type { CatalogDeps } from './catalog-deps';
import { cachedDetail, type CachedProductDetail, type ProductDetail } from './product-views';

/** What shoppers read: product pages and searches. */
export class ProductBrowsing {
  constructor(
    private readonly deps: Pick<CatalogDeps, 'products' | 'categories' | 'search' | 'inventory' | 'cache'>,
  ) {}

  /** A product page: the cached product merged with live sellable stock. SUSPENDED products are hidden. */
  async productDetail(productId: string): Promise<ProductDetail | null> {
    const detail = await this.deps.cache.detail<CachedProductDetail>(productId, async () => {
      const product = await this.deps.products.findById(productId);
      return product ? cachedDetail(product) : null;
    });
    if (!detail || detail.status === 'SUSPENDED') return null;
    const sellable = await this.deps.inventory.sellableOf(detail.variants.map((v) => v.id));
    return {
      ...detail,
      variants: detail.variants.map((v) => ({ ...v, sellable: Math.max(0, sellable.get(v.id) ?? 0) })),
    };
  }

  /** Resolves the category subtree, then asks the search port (cached per query). */
  async search(
    query: Omit<ProductSearchQuery, 'categoryIds'> & { categoryId?: string },
  ): Promise<ProductSearchPage> {
    const { categoryId, ...rest } = query;
    return this.deps.cache
      .search(JSON.stringify(query), async () => {
        const categoryIds = categoryId ? await this.deps.categories.subtreeIds(categoryId) : undefined;
        if (categoryId && categoryIds!.length === 0) throw categoryNotFound(categoryId, 'query.categoryId');
        return this.deps.search.search({ ...rest, categoryIds });
      })
      .then((page) => ({
        ...page,
        // JSON from the cache brings dates back as strings.
        items: page.items.map((item) => ({ ...item, createdAt: new Date(item.createdAt) })),
      }));
  }
}
