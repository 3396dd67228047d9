import { EntitySchema } from 'typeorm';
import type { OrderCheckoutRecord, OrderReturnRecord } from '../../domain/ordering/after-sale';
import { bigint, id, nullableText, ref, text, time } from '../entity-columns';
import { OrderExchangeEntity } from './order-exchange.entity';

export const OrderCheckoutEntity = new EntitySchema<OrderCheckoutRecord>({
  name: 'OrderCheckout',
  tableName: 'order_checkouts',
  columns: {
    id,
    orderId: ref('order_id'),
    provider: text('provider', 20),
    pgReference: text('pg_reference', 100, true),
    checkoutUrl: nullableText('checkout_url'),
    expiresAt: time('expires_at', true),
    createdAt: time('created_at'),
  },
});

const json = {
  from: (value: string | null) => (value ? JSON.parse(value) : null),
  to: (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value)),
};

export const OrderReturnEntity = new EntitySchema<OrderReturnRecord>({
  name: 'OrderReturn',
  tableName: 'order_returns',
  columns: {
    id,
    orderId: ref('order_id'),
    sellerId: ref('seller_id'),
    status: text('status', 20),
    reason: { name: 'reason', type: 'text' },
    reasonCode: text('reason_code', 20, true),
    returnedLineIds: { ...nullableText('returned_line_ids'), transformer: json },
    requestedBy: ref('requested_by'),
    requestedAt: time('requested_at'),
    decidedBy: ref('decided_by', true),
    decidedAt: time('decided_at', true),
    decisionReason: nullableText('decision_reason'),
    deductionAmount: { ...bigint('deduction_amount'), nullable: true },
    refundAmount: { ...bigint('refund_amount'), nullable: true },
    refundBreakdown: { ...nullableText('refund_breakdown'), transformer: json },
  },
});

export const afterSaleEntities = [OrderCheckoutEntity, OrderReturnEntity, OrderExchangeEntity];
