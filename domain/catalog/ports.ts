import type { ProductAvailability } from '../inventory/ports';
import type { StockLevel } from '../inventory/stock-level';
import type { Transaction } from '../shared/unit-of-work';
import type { Category } from './category';
import type { Product, ProductVariant } from './product';
import type { ProductImage } from './product-image';
import type { ProductSearchDocument } from './search-document';
import type { ProductSearchPage, ProductSearchQuery } from './search-query';

/** The ports of the catalog context; implementations live in persistence/catalog and integrations/. */

/** Shoppers' searches and product lists, answered from the read model (never the write tables). */
export interface ProductSearch {
  search(query: ProductSearchQuery): Promise<ProductSearchPage>;
}

/**
 * Where the product-search projection keeps the read model: the `product_search_documents` table,
 * and Elasticsearch too when it is configured. Writes are idempotent (the same document twice is
 * one document).
 */
export interface ProductSearchIndex {
  upsert(documents: ProductSearchDocument[]): Promise<void>;
  remove(productIds: string[]): Promise<void>;
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
  /** The product's removed (deactivated) variants; `findById` shows only the active ones. */
  removedVariants(productId: string, tx: Transaction): Promise<ProductVariant[]>;
  /** Writes a variant as active: a new row, or a removed one brought back. */
  saveVariant(product: Product, variant: ProductVariant, tx: Transaction): Promise<void>;
  /** Takes a variant off sale; the row stays for the order history. */
  deactivateVariant(productId: string, variantId: string, tx: Transaction): Promise<void>;
}

export type SellerProductStatus = 'ON_SALE' | 'SOLD_OUT' | 'SUSPENDED';

/** Where a seller's own list resumes: the last row's creation time and id. */
export interface SellerProductCursor {
  createdAt: Date;
  id: string;
}

/** A seller's own products from the write tables (read-your-writes), newest first. */
export interface SellerProductList {
  list(
    sellerId: string,
    query: { status?: SellerProductStatus; q?: string; after?: SellerProductCursor; limit: number },
  ): Promise<{ items: Product[]; next: SellerProductCursor | null }>;
}

export interface CategoryRepository {
  findById(id: string): Promise<Category | null>;
  list(): Promise<Category[]>;
  /** The category's id and the ids of every category below it. */
  subtreeIds(id: string): Promise<string[]>;
  insert(category: Category, tx?: Transaction): Promise<void>;
  nameTaken(parentId: string | null, name: string): Promise<boolean>;
  /** The category and every category below it, each with its path and depth. */
  subtree(id: string, tx?: Transaction): Promise<Category[]>;
  /** Writes name, parent, path and depth of these categories. */
  update(categories: Category[], tx: Transaction): Promise<void>;
  delete(id: string, tx: Transaction): Promise<void>;
  /** How many products and direct child categories use the category. */
  usage(id: string, tx?: Transaction): Promise<{ products: number; children: number }>;
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
 * Read-through cache of product details, short-lived query answers (category subtrees of a
 * search filter) and the category tree (Redis in production). Search result pages are not cached:
 * the read model answers them. Live stock is never cached; a cache that fails is skipped, never an error.
 */
export interface ProductCache {
  detail<T>(productId: string, load: () => Promise<T | null>): Promise<T | null>;
  search<T>(queryKey: string, load: () => Promise<T>): Promise<T>;
  categories<T>(load: () => Promise<T>): Promise<T>;
  /** Products changed: their details go, and every cached search page retires. */
  invalidate(productIds: string[]): Promise<void>;
  invalidateCategories(): Promise<void>;
}

/** The read model's documents in product-id order: what a new search index is built from (search:reindex). */
export interface ProductSearchDocumentSource {
  count(): Promise<number>;
  page(afterProductId: string | null, limit: number): Promise<ProductSearchDocument[]>;
}

/** A seller's 전자상거래법 표시사항 as a product page shows them; identity owns them. */
export interface SellerDisclosure {
  sellerId: string;
  companyName: string;
  representative: string | null;
  /** 사업자등록번호, `123-45-67890`. */
  businessNumber: string;
  mailOrderNumber: string | null;
  businessAddress: string | null;
  customerServicePhone: string | null;
}

/** Reads a seller's disclosure (cached briefly: docs/identity.md#seller-disclosure). */
export interface SellerDisclosures {
  disclosureOf(sellerId: string): Promise<SellerDisclosure | null>;
}

/** Sellers' 상호 (company names) for the search documents; identity owns them. */
export interface SellerNames {
  /** Company name per seller id; a seller without a profile is absent. */
  companyNamesOf(sellerIds: string[]): Promise<Map<string, string>>;
}

/**
 * Product ids in id order, page by page, for the product-search projection: the products a category
 * or seller change touches, and those the read model has no document for yet (the backfill).
 */
export interface ProductIdPages {
  inCategories(categoryIds: string[], afterId: string | null, limit: number): Promise<string[]>;
  ofSeller(sellerId: string, afterId: string | null, limit: number): Promise<string[]>;
  withoutSearchDocument(afterId: string | null, limit: number): Promise<string[]>;
}

/** Many products at once, with their variants and images (the projection builds documents in pages). */
export interface ProductBatchReader {
  /** The products that exist among `ids`, in no particular order. */
  findMany(ids: string[]): Promise<Product[]>;
}
