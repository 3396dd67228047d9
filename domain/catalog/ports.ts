import type { Category } from './category';
import type { Product } from './product';
import type { ProductSearchPage, ProductSearchQuery } from './search-query';

/** The ports of the catalog context; implementations live in persistence/catalog and integrations/. */

export interface ProductSearch {
  search(query: ProductSearchQuery): Promise<ProductSearchPage>;
  /**
   * Brings an external index up to date after products changed. The database implementation reads
   * the catalog tables directly and has nothing to do; the Elasticsearch adapter re-indexes.
   */
  productsChanged(productIds: string[]): Promise<void>;
}

export interface StoredImage {
  bytes: Uint8Array;
  contentType: string;
}

/** Where image bytes live (local disk now; an object store later). Keys are opaque, slash-separated. */
export interface ImageStorage {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<StoredImage | null>;
  delete(key: string): Promise<void>;
}

export interface ProductRepository {
  findById(id: string): Promise<Product | null>;
}

export interface CategoryRepository {
  findById(id: string): Promise<Category | null>;
  list(): Promise<Category[]>;
  /** The category's id and the ids of every category below it. */
  subtreeIds(id: string): Promise<string[]>;
}

/** What catalog reads from inventory: live sellable stock per variant. */
export interface StockAvailability {
  sellableOf(variantIds: string[]): Promise<Map<string, number>>;
}
