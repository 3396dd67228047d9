import { EntitySchema } from 'typeorm';
import { bigint, bool, id, int, longText, ref, text, time } from '../entity-columns';

export interface ProductRow {
  id: string;
  sellerId: string;
  categoryId: string | null;
  name: string;
  description: string;
  price: number;
  optionsJson: string;
  status: string;
  suspended: boolean;
  popularity: number;
  searchText: string;
  thumbnailKey: string | null;
  shippingFee: number | null;
  bundleShipping: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export const ProductEntity = new EntitySchema<ProductRow>({
  name: 'Product',
  tableName: 'products',
  columns: {
    id,
    sellerId: ref('seller_id'),
    categoryId: ref('category_id', true),
    name: text('name', 100),
    description: longText('description'),
    price: bigint('price'),
    optionsJson: longText('options_json'),
    status: text('status', 20),
    suspended: bool('suspended'),
    popularity: bigint('popularity'),
    searchText: text('search_text', 2000),
    thumbnailKey: text('thumbnail_key', 200, true),
    shippingFee: { ...bigint('shipping_fee'), nullable: true },
    bundleShipping: bool('bundle_shipping'),
    version: int('version'),
    createdAt: time('created_at'),
    updatedAt: time('updated_at'),
  },
});
