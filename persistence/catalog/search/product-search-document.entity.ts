import { EntitySchema } from 'typeorm';
import { bigint, bool, int, longText, ref, text, time } from '../../entity-columns';

/** A row of `product_search_documents` (the read model); list fields are JSON text. */
export interface ProductSearchDocumentRow {
  productId: string;
  sellerId: string;
  sellerName: string;
  name: string;
  description: string;
  categoryId: string | null;
  categoryPath: string;
  categoryPathIds: string;
  optionValues: string;
  price: number;
  minPrice: number;
  maxPrice: number;
  status: string;
  sellable: boolean;
  popularity: number;
  thumbnailKey: string | null;
  createdAt: Date;
  removed: boolean;
  revision: number;
  indexedAt: Date;
}

export const ProductSearchDocumentEntity = new EntitySchema<ProductSearchDocumentRow>({
  name: 'ProductSearchDocument',
  tableName: 'product_search_documents',
  columns: {
    productId: { ...ref('product_id'), primary: true },
    sellerId: ref('seller_id'),
    sellerName: text('seller_name', 100),
    name: text('name', 100),
    description: longText('description'),
    categoryId: ref('category_id', true),
    categoryPath: longText('category_path'),
    categoryPathIds: longText('category_path_ids'),
    optionValues: longText('option_values'),
    price: bigint('price'),
    minPrice: bigint('min_price'),
    maxPrice: bigint('max_price'),
    status: text('status', 20),
    sellable: bool('sellable'),
    popularity: bigint('popularity'),
    thumbnailKey: text('thumbnail_key', 200, true),
    createdAt: time('created_at'),
    removed: bool('removed'),
    revision: int('revision'),
    indexedAt: time('indexed_at'),
  },
});
