import type { DataSource } from 'typeorm';
import {
  buildCategoryTree,
  categoryNotFound,
  createCategory,
  type Category,
  type CategoryNode,
} from '../../domain/catalog/category';
import { CatalogErrorCode, invalidField } from '../../domain/catalog/catalog-errors';
import { imageTypeOfExtension } from '../../domain/catalog/image-type';
import {
  changeProduct,
  createProduct,
  variantPrice,
  type NewProductInput,
  type Product,
  type ProductChanges,
} from '../../domain/catalog/product';
import {
  acceptImage,
  imageKey,
  MAX_IMAGES_PER_PRODUCT,
  type ProductImage,
} from '../../domain/catalog/product-image';
import type { ImageStorage, ProductSearch } from '../../domain/catalog/ports';
import type { SaleStatus } from '../../domain/catalog/sale-status';
import type { ProductSearchPage, ProductSearchQuery } from '../../domain/catalog/search-query';
import { DomainError } from '../../domain/shared/domain-error';
import type { StockLevel } from '../../domain/inventory/stock-level';
import type { InventoryService } from '../inventory/inventory.service';
import { execute, select, sqlTime } from '../inventory/sql';
import type { ProductCache } from './product-cache';
import type { TypeOrmCategoryRepository } from './typeorm-category.repository';
import type { TypeOrmProductRepository } from './typeorm-product.repository';

export interface CatalogDeps {
  dataSource: DataSource;
  products: TypeOrmProductRepository;
  categories: TypeOrmCategoryRepository;
  search: ProductSearch;
  images: ImageStorage;
  inventory: InventoryService;
  cache: ProductCache;
  now: () => Date;
  newId: () => string;
  maxEditAttempts?: number;
}

/** A product as its seller sees it right after a change. */
export interface SellerProductView {
  id: string;
  name: string;
  description: string;
  price: number;
  categoryId: string | null;
  status: SaleStatus;
  options: Product['options'];
  images: { id: string; key: string; contentType: string; sizeBytes: number }[];
  variants: {
    id: string;
    options: Record<string, string>;
    priceDelta: number;
    price: number;
    stock: number;
    reserved: number;
    sellable: number;
  }[];
  createdAt: string;
  updatedAt: string;
}

/** The cacheable part of a product page (no stock: that is read live on every request). */
export interface CachedProductDetail {
  id: string;
  sellerId: string;
  name: string;
  description: string;
  price: number;
  status: SaleStatus;
  categoryId: string | null;
  options: Product['options'];
  images: { id: string; key: string; contentType: string }[];
  variants: { id: string; options: Record<string, string>; price: number }[];
  createdAt: string;
  updatedAt: string;
}

export const productNotFound = (id: string) =>
  new DomainError(CatalogErrorCode.PRODUCT_NOT_FOUND, `No product ${id}`, { productId: id });

/**
 * The catalog's use cases over its repositories, the inventory's published functions, the image
 * storage and the cache. Each write is one transaction; nothing is half-stored when a rule refuses.
 */
export class CatalogService {
  private readonly maxEditAttempts: number;

  constructor(private readonly deps: CatalogDeps) {
    this.maxEditAttempts = deps.maxEditAttempts ?? 5;
  }

  // ---- categories ----

  async createCategory(input: {
    name: string;
    parentId?: string | null;
    position?: number;
  }): Promise<Category> {
    const parent = input.parentId ? await this.deps.categories.findById(input.parentId) : null;
    if (input.parentId && !parent) throw categoryNotFound(input.parentId, 'body.parentId');
    const category = createCategory(
      { name: input.name, parent, position: input.position },
      { newId: this.deps.newId, now: this.deps.now() },
    );
    if (await this.deps.categories.nameTaken(category.parentId, category.name)) {
      throw new DomainError(
        'CATEGORY_NAME_TAKEN',
        `body.name: "${category.name}" already exists at this level`,
        {
          errors: [{ field: 'body.name', message: 'already exists at this level' }],
        },
      );
    }
    await this.deps.categories.insert(category);
    await this.deps.cache.invalidateCategories();
    return category;
  }

  categoryTree(): Promise<CategoryNode[]> {
    return this.deps.cache.categories(async () => buildCategoryTree(await this.deps.categories.list()));
  }

  // ---- seller product management ----

  async createProduct(input: NewProductInput): Promise<SellerProductView> {
    if (input.categoryId && !(await this.deps.categories.findById(input.categoryId)))
      throw categoryNotFound(input.categoryId, 'body.categoryId');
    const { product, initialStock } = createProduct(input, { newId: this.deps.newId, now: this.deps.now() });
    await this.deps.dataSource.transaction(async (manager) => {
      await this.deps.products.insert(product, manager);
      await this.deps.inventory.createStock(
        initialStock.map((stock) => ({ ...stock, productId: product.id })),
        { manager },
      );
    });
    await this.changed([product.id]);
    return this.sellerView(product);
  }

  async sellerProduct(sellerId: string, productId: string): Promise<SellerProductView> {
    return this.sellerView(await this.owned(sellerId, productId));
  }

  /** Edits name, description, price, category or the suspension; retried on a concurrent edit. */
  async changeProduct(
    sellerId: string,
    productId: string,
    changes: ProductChanges,
  ): Promise<SellerProductView> {
    if (changes.categoryId && !(await this.deps.categories.findById(changes.categoryId))) {
      throw categoryNotFound(changes.categoryId, 'body.categoryId');
    }
    for (let attempt = 1; attempt <= this.maxEditAttempts; attempt++) {
      const updated = await this.deps.dataSource.transaction(async (manager) => {
        const found = await this.deps.products.findVersioned(productId, manager);
        if (!found || found.product.sellerId !== sellerId) throw productNotFound(productId);
        const availability = await this.deps.inventory.productAvailability([productId], { manager });
        const next = changeProduct(
          found.product,
          changes,
          availability[0]?.anySellable ?? false,
          this.deps.now(),
        );
        return (await this.deps.products.updateIfUnchanged(next, found.version, manager)) ? next : null;
      });
      if (updated) {
        await this.changed([productId]);
        return this.sellerView(updated);
      }
    }
    throw new DomainError('PRODUCT_CONFLICT', `Product ${productId} kept changing; try again`, { productId });
  }

  /**
   * Adds an image: the count, size and real type are checked before anything is written; the
   * bytes are stored first and removed again if the database refuses (an 11th image that raced in).
   */
  async addImage(sellerId: string, productId: string, bytes: Uint8Array): Promise<ProductImage> {
    const product = await this.owned(sellerId, productId);
    const type = acceptImage(bytes, product.images.length);
    const imageId = this.deps.newId();
    const image: ProductImage = {
      id: imageId,
      key: imageKey(productId, imageId, type),
      contentType: type.contentType,
      sizeBytes: bytes.byteLength,
      position: 0,
      createdAt: this.deps.now(),
    };
    await this.deps.images.put(image.key, bytes, type.contentType);
    try {
      await this.deps.dataSource.transaction(async (manager) => {
        // Touching the product row first serialises concurrent uploads, so the count below is exact.
        await execute(manager, 'UPDATE products SET updated_at = ?, version = version + 1 WHERE id = ?', [
          sqlTime(image.createdAt),
          productId,
        ]);
        const [row] = await select<{ n: number | string; top: number | string | null }>(
          manager,
          'SELECT COUNT(*) AS n, MAX(position) AS top FROM product_images WHERE product_id = ?',
          [productId],
        );
        const count = Number(row?.n ?? 0);
        if (count >= MAX_IMAGES_PER_PRODUCT) {
          throw invalidField(
            'body.file',
            `a product has at most ${MAX_IMAGES_PER_PRODUCT} images`,
            CatalogErrorCode.TOO_MANY_IMAGES,
          );
        }
        image.position = count === 0 ? 0 : Number(row?.top ?? 0) + 1;
        await this.deps.products.addImage(productId, image, manager);
        if (count === 0) await this.deps.products.setThumbnail(productId, image.key, manager);
      });
    } catch (error) {
      await this.deps.images.delete(image.key).catch(() => undefined);
      throw error;
    }
    await this.changed([productId]);
    return image;
  }

  async removeImage(sellerId: string, productId: string, imageId: string): Promise<void> {
    const product = await this.owned(sellerId, productId);
    const image = product.images.find((i) => i.id === imageId);
    if (!image)
      throw new DomainError(
        CatalogErrorCode.IMAGE_NOT_FOUND,
        `Product ${productId} has no image ${imageId}`,
        { imageId },
      );
    await this.deps.dataSource.transaction(async (manager) => {
      await this.deps.products.removeImage(productId, imageId, manager);
      const rest = product.images.filter((i) => i.id !== imageId);
      await this.deps.products.setThumbnail(productId, rest[0]?.key ?? null, manager);
    });
    await this.deps.images.delete(image.key).catch(() => undefined);
    await this.changed([productId]);
  }

  /** Sets a variant's count on hand (the seller must own the product). */
  async setStock(sellerId: string, variantId: string, onHand: number): Promise<StockLevel> {
    const productId = await this.deps.products.productIdOfVariant(variantId);
    if (!productId) throw new DomainError('VARIANT_NOT_FOUND', `No variant ${variantId}`, { variantId });
    await this.owned(sellerId, productId);
    return this.deps.inventory.setOnHand(variantId, onHand);
  }

  // ---- shoppers ----

  /** A product page: the cached product merged with live sellable stock. SUSPENDED products are hidden. */
  async productDetail(
    productId: string,
  ): Promise<
    | (CachedProductDetail & { variants: (CachedProductDetail['variants'][number] & { sellable: number })[] })
    | null
  > {
    const detail = await this.deps.cache.detail<CachedProductDetail>(productId, async () => {
      const product = await this.deps.products.findById(productId);
      return product ? this.cachedDetail(product) : null;
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

  async image(key: string) {
    const extension = /^[A-Za-z0-9-]+\.(jpg|png|webp|gif)$/.exec(key)?.[1];
    if (!extension || !imageTypeOfExtension(extension)) return null;
    return this.deps.images.get(key);
  }

  // ---- helpers ----

  private async owned(sellerId: string, productId: string): Promise<Product> {
    const product = await this.deps.products.findById(productId);
    if (!product || product.sellerId !== sellerId) throw productNotFound(productId);
    return product;
  }

  private async changed(productIds: string[]): Promise<void> {
    await this.deps.cache.invalidate(productIds);
    await this.deps.search.productsChanged(productIds);
  }

  private cachedDetail(product: Product): CachedProductDetail {
    return {
      id: product.id,
      sellerId: product.sellerId,
      name: product.name,
      description: product.description,
      price: product.price,
      status: product.status,
      categoryId: product.categoryId,
      options: product.options,
      images: product.images.map((i) => ({ id: i.id, key: i.key, contentType: i.contentType })),
      variants: product.variants.map((v) => ({
        id: v.id,
        options: v.options,
        price: variantPrice(product, v),
      })),
      createdAt: product.createdAt.toISOString(),
      updatedAt: product.updatedAt.toISOString(),
    };
  }

  private async sellerView(product: Product): Promise<SellerProductView> {
    const levels = new Map(
      (await this.deps.inventory.levels(product.variants.map((v) => v.id))).map((l) => [l.variantId, l]),
    );
    return {
      id: product.id,
      name: product.name,
      description: product.description,
      price: product.price,
      categoryId: product.categoryId,
      status: product.status,
      options: product.options,
      images: product.images.map((i) => ({
        id: i.id,
        key: i.key,
        contentType: i.contentType,
        sizeBytes: i.sizeBytes,
      })),
      variants: product.variants.map((v) => {
        const level = levels.get(v.id);
        return {
          id: v.id,
          options: v.options,
          priceDelta: v.priceDelta,
          price: variantPrice(product, v),
          stock: level?.onHand ?? 0,
          reserved: level?.reserved ?? 0,
          sellable: level ? level.onHand - level.reserved : 0,
        };
      }),
      createdAt: product.createdAt.toISOString(),
      updatedAt: product.updatedAt.toISOString(),
    };
  }
}
