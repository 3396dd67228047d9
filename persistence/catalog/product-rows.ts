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

/**
 * The product, its variants and its images in one round trip: one statement whose three branches
 * share columns by kind (`k`: p, v, i), text in s*, numbers in n*, times in t*, so each column
 * keeps one type on both databases. Three statements cost three times the client CPU and socket
 * writes of one, and a page miss was most of a cold API's extra work (docs/catalog.md).
 */
const PRODUCT_ROWS_SQL = `SELECT 'p' AS k, id, seller_id AS s1, category_id AS s2, name AS s3, description AS s4,
    options_json AS s5, status AS s6, thumbnail_key AS s7, price AS n1, suspended AS n2, popularity AS n3,
    shipping_fee AS n4, bundle_shipping AS n5, version AS n6, created_at AS t1, updated_at AS t2
  FROM products WHERE id = ?
UNION ALL
SELECT 'v', id, option_key, options_json, NULL, NULL, NULL, NULL, NULL, price_delta, position, active,
    NULL, NULL, NULL, NULL, NULL
  FROM product_variants WHERE product_id = ?
UNION ALL
SELECT 'i', id, storage_key, content_type, NULL, NULL, NULL, NULL, NULL, size_bytes, position, NULL,
    NULL, NULL, NULL, created_at, NULL
  FROM product_images WHERE product_id = ?`;

export async function readProductRows(manager: EntityManager, id: string): Promise<ProductRows | null> {
  const rows = (await manager.query(PRODUCT_ROWS_SQL, [id, id, id])) as Raw[];
  const p = rows.find((r) => r.k === 'p');
  if (!p) return null;
  const variants: ProductVariantRow[] = [];
  const images: ProductImageRow[] = [];
  for (const r of rows) {
    if (r.k === 'v')
      variants.push({
        id: r.id as string,
        productId: id,
        optionKey: r.s1 as string,
        optionsJson: r.s2 as string,
        priceDelta: num(r.n1),
        position: num(r.n2),
        active: bool(r.n3),
      });
    else if (r.k === 'i')
      images.push({
        id: r.id as string,
        productId: id,
        storageKey: r.s1 as string,
        contentType: r.s2 as string,
        sizeBytes: num(r.n1),
        position: num(r.n2),
        createdAt: time(r.t1),
      });
  }
  return {
    row: {
      id: p.id as string,
      sellerId: p.s1 as string,
      categoryId: (p.s2 as string | null) ?? null,
      name: p.s3 as string,
      description: p.s4 as string,
      price: num(p.n1),
      optionsJson: p.s5 as string,
      status: p.s6 as string,
      suspended: bool(p.n2),
      popularity: num(p.n3),
      searchText: '',
      thumbnailKey: (p.s7 as string | null) ?? null,
      shippingFee: p.n4 === null || p.n4 === undefined ? null : num(p.n4),
      bundleShipping: bool(p.n5),
      version: num(p.n6),
      createdAt: time(p.t1),
      updatedAt: time(p.t2),
    },
    variants,
    images,
  };
}
