import { CatalogErrorCode } from '../../domain/catalog/catalog-errors';
import type {
  CategoryRepository,
  ImageStorage,
  ProductCache,
  ProductRepository,
  ProductSearch,
  StockAvailability,
} from '../../domain/catalog/ports';
import type { Product } from '../../domain/catalog/product';
import { DomainError } from '../../domain/shared/domain-error';
import type { UnitOfWork } from '../../domain/shared/unit-of-work';

/** What the catalog's use cases work over. Each write is one transaction; nothing is half-stored when a rule refuses. */
export interface CatalogDeps {
  transactions: UnitOfWork;
  products: ProductRepository;
  categories: CategoryRepository;
  search: ProductSearch;
  images: ImageStorage;
  inventory: StockAvailability;
  cache: ProductCache;
  now: () => Date;
  newId: () => string;
  maxEditAttempts?: number;
}

export const productNotFound = (id: string) =>
  new DomainError(CatalogErrorCode.PRODUCT_NOT_FOUND, `No product ${id}`, { productId: id });

/** The product, if this seller owns it (someone else's product is answered as not found). */
export async function ownedProduct(
  deps: Pick<CatalogDeps, 'products'>,
  sellerId: string,
  productId: string,
): Promise<Product> {
  const product = await deps.products.findById(productId);
  if (!product || product.sellerId !== sellerId) throw productNotFound(productId);
  return product;
}

/** After a change: cached details and search pages go, and an external index re-indexes. */
export async function productsChanged(
  deps: Pick<CatalogDeps, 'cache' | 'search'>,
  productIds: string[],
): Promise<void> {
  await deps.cache.invalidate(productIds);
  await deps.search.productsChanged(productIds);
}
