import { EntitySchema } from 'typeorm';
import { bigint, id, ref, time } from '../entity-columns';

/** One credit of points and what is left of it, with its expiry (docs/payments.md#points). */
export interface PointsLotRow {
  id: string;
  userId: string;
  amount: number;
  remaining: number;
  expiresAt: Date | null;
  createdAt: Date;
}

export const PointsLotEntity = new EntitySchema<PointsLotRow>({
  name: 'PointsLot',
  tableName: 'points_lots',
  columns: {
    id,
    userId: ref('user_id'),
    amount: bigint('amount'),
    remaining: bigint('remaining'),
    expiresAt: time('expires_at', true),
    createdAt: time('created_at'),
  },
});
