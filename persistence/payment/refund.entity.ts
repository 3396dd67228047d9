import { EntitySchema } from 'typeorm';
import { bigint, ref, text, time } from '../entity-columns';

export interface RefundRow {
  refundId: string;
  orderId: string;
  pgAmount: number;
  pointsAmount: number;
  status: string;
  failureCode: string | null;
  failureMessage: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const RefundEntity = new EntitySchema<RefundRow>({
  name: 'PaymentRefund',
  tableName: 'payment_refunds',
  columns: {
    refundId: { ...text('refund_id', 120), primary: true },
    orderId: ref('order_id'),
    pgAmount: bigint('pg_amount'),
    pointsAmount: bigint('points_amount'),
    status: text('status', 10),
    failureCode: text('failure_code', 80, true),
    failureMessage: text('failure_message', 500, true),
    createdAt: time('created_at'),
    updatedAt: time('updated_at'),
  },
});
