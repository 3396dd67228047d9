import { EntitySchema } from 'typeorm';
import { bigint, id, ref, text, time } from '../entity-columns';

export interface StockReservationRow {
  id: string;
  reference: string;
  variantId: string;
  quantity: number;
  status: string;
  createdAt: Date;
  updatedAt: Date;
}

export const StockReservationEntity = new EntitySchema<StockReservationRow>({
  name: 'StockReservation',
  tableName: 'stock_reservations',
  columns: {
    id,
    reference: text('reference', 80),
    variantId: ref('variant_id'),
    quantity: bigint('quantity'),
    status: text('status', 20),
    createdAt: time('created_at'),
    updatedAt: time('updated_at'),
  },
});
