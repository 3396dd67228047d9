import { EntitySchema } from 'typeorm';
import { bigint, bool, id, int, longText, ref, text } from '../entity-columns';

export interface ProductVariantRow {
  id: string;
  productId: string;
  optionKey: string;
  optionsJson: string;
  priceDelta: number;
  position: number;
  /** False once the seller removed it: no longer sold or shown, kept for the order history. */
  active: boolean;
}

export const ProductVariantEntity = new EntitySchema<ProductVariantRow>({
  name: 'ProductVariant',
  tableName: 'product_variants',
  columns: {
    id,
    productId: ref('product_id'),
    optionKey: text('option_key', 300),
    optionsJson: longText('options_json'),
    priceDelta: bigint('price_delta'),
    position: int('position'),
    active: bool('active'),
  },
});
