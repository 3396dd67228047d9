import { EntitySchema } from 'typeorm';
import type { ExchangeRecord } from '../../domain/ordering/exchange';
import { bigint, id, nullableText, ref, text, time } from '../entity-columns';

const json = {
  from: (value: string | null) => (value ? JSON.parse(value) : []),
  to: (value: unknown) => JSON.stringify(value ?? []),
};

export const OrderExchangeEntity = new EntitySchema<ExchangeRecord>({
  name: 'OrderExchange',
  tableName: 'order_exchanges',
  columns: {
    id,
    orderId: ref('order_id'),
    sellerId: ref('seller_id'),
    status: text('status', 20),
    reasonCode: text('reason_code', 20),
    reason: { name: 'reason', type: 'text' },
    items: { name: 'items', type: 'text', transformer: json },
    shippingFee: bigint('shipping_fee'),
    payer: text('payer', 10),
    requestedBy: ref('requested_by'),
    requestedAt: time('requested_at'),
    decidedBy: ref('decided_by', true),
    decidedAt: time('decided_at', true),
    decisionReason: nullableText('decision_reason'),
    courier: text('courier', 10, true),
    invoiceNumber: text('invoice_number', 20, true),
    shippedAt: time('shipped_at', true),
    deliveredAt: time('delivered_at', true),
  },
});
