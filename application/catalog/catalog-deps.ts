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
import type { DomainEvent, EventOutbox } from '../../domain/shared/domain-event';
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
  /** Domain events, written in each change's transaction (docs/events.md). */
  outbox: EventOutbox;
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

/** After a change: cached details go (the search read model follows the change's domain events). */
export async function productsChanged(deps: Pick<CatalogDeps, 'cache'>, productIds: string[]): Promise<void> {
  await deps.cache.invalidate(productIds);
}

/** A catalog event about one aggregate; the payload carries ids only (the projections read the current state). */
export function catalogEvent(
  deps: Pick<CatalogDeps, 'newId' | 'now'>,
  type: string,
  aggregate: { type: 'product' | 'category'; id: string },
  payload: Record<string, unknown>,
): DomainEvent {
  return {
    id: deps.newId(),
    type,
    aggregateType: aggregate.type,
    aggregateId: aggregate.id,
    occurredAt: deps.now(),
    payload,
  };
}

export const productEvent = (deps: Pick<CatalogDeps, 'newId' | 'now'>, type: string, productId: string) =>
  catalogEvent(deps, `catalog.product.${type}`, { type: 'product', id: productId }, { productId });
