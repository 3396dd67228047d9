import type { ProductAvailability } from '../inventory/ports';
import type { StockLevel } from '../inventory/stock-level';
import type { Transaction } from '../shared/unit-of-work';
import type { Category } from './category';
import type { Product } from './product';
import type { ProductImage } from './product-image';
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

export interface VersionedProduct {
  product: Product;
  version: number;
}

/** Products with their variants and images; writes take the caller's transaction. */
export interface ProductRepository {
  findById(id: string, tx?: Transaction): Promise<Product | null>;
  findVersioned(id: string, tx?: Transaction): Promise<VersionedProduct | null>;
  /** The product a variant belongs to (id only). */
  productIdOfVariant(variantId: string): Promise<string | null>;
  insert(product: Product, tx: Transaction): Promise<void>;
  /** Writes the product's own fields if nobody changed it since `version`; false when someone did. */
  updateIfUnchanged(product: Product, version: number, tx: Transaction): Promise<boolean>;
  /**
   * Moves the product's version on and counts its images: the first write of an upload, so
   * concurrent uploads to one product queue behind each other and the count is exact.
   */
  lockImages(productId: string, at: Date, tx: Transaction): Promise<{ count: number; lastPosition: number }>;
  addImage(productId: string, image: ProductImage, tx: Transaction): Promise<void>;
  removeImage(productId: string, imageId: string, tx: Transaction): Promise<boolean>;
  setThumbnail(productId: string, key: string | null, tx: Transaction): Promise<void>;
  /** Sets ON_SALE / SOLD_OUT from availability; a suspended product keeps SUSPENDED. Returns the ids that changed. */
  applyAvailability(changes: ProductAvailability[], tx: Transaction): Promise<string[]>;
  /** Counts units sold (the popularity sort). */
  addPopularity(sales: { productId: string; quantity: number }[], tx: Transaction): Promise<void>;
}

export interface CategoryRepository {
  findById(id: string): Promise<Category | null>;
  list(): Promise<Category[]>;
  /** The category's id and the ids of every category below it. */
  subtreeIds(id: string): Promise<string[]>;
  insert(category: Category): Promise<void>;
  nameTaken(parentId: string | null, name: string): Promise<boolean>;
}

/** What catalog reads from and writes to inventory: its published functions. */
export interface StockAvailability {
  sellableOf(variantIds: string[]): Promise<Map<string, number>>;
  levels(variantIds: string[]): Promise<StockLevel[]>;
  /** Creates the stock rows of new variants in the transaction that stores the product. */
  createStock(
    items: { variantId: string; productId: string; onHand: number }[],
    options: { tx?: Transaction },
  ): Promise<void>;
  productAvailability(productIds: string[], options: { tx?: Transaction }): Promise<ProductAvailability[]>;
  setOnHand(variantId: string, onHand: number): Promise<StockLevel>;
}

/**
 * Read-through cache of product details, search pages and the category tree (Redis in
 * production). Live stock is never cached; a cache that fails is skipped, never an error.
 */
export interface ProductCache {
  detail<T>(productId: string, load: () => Promise<T | null>): Promise<T | null>;
  search<T>(queryKey: string, load: () => Promise<T>): Promise<T>;
  categories<T>(load: () => Promise<T>): Promise<T>;
  /** Products changed: their details go, and every cached search page retires. */
  invalidate(productIds: string[]): Promise<void>;
  invalidateCategories(): Promise<void>;
}
