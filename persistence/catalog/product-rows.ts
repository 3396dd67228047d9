import type { EntityManager } from 'typeorm';
import { asDate } from './search/search-document-rows';
import type { ProductImageRow } from './product-image.entity';
import type { ProductRow } from './product.entity';
import type { ProductVariantRow } from './product-variant.entity';

/**
 * One product's rows in plain SQL, the same on MariaDB and SQLite: a product page's cache miss
 * reads through here, and entity loading cost several times the CPU of the queries themselves
 * (`bench/product-detail-miss.ts`). The search text is not read: nothing built from a loaded
 * product uses it.
 */
export interface ProductRows {
  row: ProductRow;
  variants: ProductVariantRow[];
  images: ProductImageRow[];
}

type Raw = Record<string, unknown>;

const num = (value: unknown) => Number(value);
const bool = (value: unknown) => value === true || Number(value) === 1;
const time = (value: unknown) => asDate(value as Date | string);

export async function readProductRows(manager: EntityManager, id: string): Promise<ProductRows | null> {
  const [products, variants, images] = (await Promise.all([
    manager.query(
      'SELECT id, seller_id, category_id, name, description, price, options_json, status, suspended, popularity, thumbnail_key, shipping_fee, bundle_shipping, version, created_at, updated_at FROM products WHERE id = ?',
      [id],
    ),
    manager.query(
      'SELECT id, option_key, options_json, price_delta, position, active FROM product_variants WHERE product_id = ?',
      [id],
    ),
    manager.query(
      'SELECT id, storage_key, content_type, size_bytes, position, created_at FROM product_images WHERE product_id = ?',
      [id],
    ),
  ])) as [Raw[], Raw[], Raw[]];
  const p = products[0];
  if (!p) return null;
  return {
    row: {
      id: p.id as string,
      sellerId: p.seller_id as string,
      categoryId: (p.category_id as string | null) ?? null,
      name: p.name as string,
      description: p.description as string,
      price: num(p.price),
      optionsJson: p.options_json as string,
      status: p.status as string,
      suspended: bool(p.suspended),
      popularity: num(p.popularity),
      searchText: '',
      thumbnailKey: (p.thumbnail_key as string | null) ?? null,
      shippingFee: p.shipping_fee === null || p.shipping_fee === undefined ? null : num(p.shipping_fee),
      bundleShipping: bool(p.bundle_shipping),
      version: num(p.version),
      createdAt: time(p.created_at),
      updatedAt: time(p.updated_at),
    },
    variants: variants.map((v) => ({
      id: v.id as string,
      productId: id,
      optionKey: v.option_key as string,
      optionsJson: v.options_json as string,
      priceDelta: num(v.price_delta),
      position: num(v.position),
      active: bool(v.active),
    })),
    images: images.map((i) => ({
      id: i.id as string,
      productId: id,
      storageKey: i.storage_key as string,
      contentType: i.content_type as string,
      sizeBytes: num(i.size_bytes),
      position: num(i.position),
      createdAt: time(i.created_at),
    })),
  };
}
