import { EntitySchema } from 'typeorm';
import { bigint, id, int, ref, text, time } from '../entity-columns';

export interface ProductImageRow {
  id: string;
  productId: string;
  storageKey: string;
  contentType: string;
  sizeBytes: number;
  position: number;
  createdAt: Date;
}

export const ProductImageEntity = new EntitySchema<ProductImageRow>({
  name: 'ProductImage',
  tableName: 'product_images',
  columns: {
    id,
    productId: ref('product_id'),
    storageKey: text('storage_key', 200),
    contentType: text('content_type', 40),
    sizeBytes: bigint('size_bytes'),
    position: int('position'),
    createdAt: time('created_at'),
  },
});
