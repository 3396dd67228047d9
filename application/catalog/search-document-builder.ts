import type { Category } from '../../domain/catalog/category';
import type {
  CategoryRepository,
  ProductBatchReader,
  SellerNames,
  StockAvailability,
} from '../../domain/catalog/ports';
import type { Product } from '../../domain/catalog/product';
import type { ProductSearchDocument } from '../../domain/catalog/search-document';

export interface SearchDocumentBuilderDeps {
  /** On the primary: the projection must see the change whose event it handles. */
  products: ProductBatchReader;
  inventory: Pick<StockAvailability, 'sellableOf'>;
  categories: Pick<CategoryRepository, 'list'>;
  sellers: SellerNames;
  now: () => Date;
}

export interface BuiltDocuments {
  documents: ProductSearchDocument[];
  /** Ids with no product any more: their documents go. */
  missing: string[];
}

/** Names and ids from the root down to `categoryId` (the tree's `path` lists the ids). */
function categoryPath(categoryId: string | null, byId: Map<string, Category>) {
  const category = categoryId ? byId.get(categoryId) : undefined;
  if (!category) return { names: [], ids: [] };
  const ids = category.path.split('/').filter((id) => id.length > 0);
  const known = ids.filter((id) => byId.has(id));
  return { names: known.map((id) => byId.get(id)!.name), ids: known };
}

function optionValuesOf(product: Product): string[] {
  const values = [
    ...product.options.flatMap((option) => option.values),
    ...product.variants.flatMap((variant) => Object.values(variant.options)),
  ];
  return [...new Set(values)];
}

/**
 * Builds the read model's documents from the write side's CURRENT state (products, variants, sale
 * status, sellable stock, the seller's 상호, the category path). Building from state rather than
 * from the events makes the projection idempotent: the same ids built twice give the same documents.
 */
export class SearchDocumentBuilder {
  constructor(private readonly deps: SearchDocumentBuilderDeps) {}

  async build(productIds: string[]): Promise<BuiltDocuments> {
    const unique = [...new Set(productIds)];
    const products = await this.deps.products.findMany(unique);
    const found = new Set(products.map((product) => product.id));
    const missing = unique.filter((id) => !found.has(id));
    if (products.length === 0) return { documents: [], missing };
    const variantIds = products.flatMap((product) => product.variants.map((variant) => variant.id));
    const [sellable, sellers, categories] = await Promise.all([
      this.deps.inventory.sellableOf(variantIds),
      this.deps.sellers.companyNamesOf(products.map((product) => product.sellerId)),
      this.deps.categories.list(),
    ]);
    const byId = new Map(categories.map((category) => [category.id, category]));
    const indexedAt = this.deps.now();
    const documents = products.map((product): ProductSearchDocument => {
      const prices = product.variants.map((variant) => product.price + variant.priceDelta);
      if (prices.length === 0) prices.push(product.price);
      const path = categoryPath(product.categoryId, byId);
      return {
        productId: product.id,
        sellerId: product.sellerId,
        sellerName: sellers.get(product.sellerId) ?? '',
        name: product.name,
        description: product.description,
        categoryId: product.categoryId,
        categoryPath: path.names,
        categoryPathIds: path.ids,
        optionValues: optionValuesOf(product),
        price: product.price,
        minPrice: Math.min(...prices),
        maxPrice: Math.max(...prices),
        status: product.status,
        sellable:
          product.status !== 'SUSPENDED' &&
          product.variants.some((variant) => (sellable.get(variant.id) ?? 0) > 0),
        popularity: product.popularity,
        thumbnailKey: product.images[0]?.key ?? null,
        createdAt: product.createdAt,
        indexedAt,
      };
    });
    return { documents, missing };
  }
}
