import { EntitySchema } from 'typeorm';
import { bigint, int, ref, time } from '../entity-columns';

export interface StockLevelRow {
  variantId: string;
  productId: string;
  onHand: number;
  reserved: number;
  version: number;
  updatedAt: Date;
}

export const StockLevelEntity = new EntitySchema<StockLevelRow>({
  name: 'StockLevel',
  tableName: 'stock_levels',
  columns: {
    variantId: { ...ref('variant_id'), primary: true },
    productId: ref('product_id'),
    onHand: bigint('on_hand'),
    reserved: bigint('reserved'),
    version: int('version'),
    updatedAt: time('updated_at'),
  },
});
