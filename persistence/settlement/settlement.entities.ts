import { EntitySchema, type EntitySchemaColumnOptions } from 'typeorm';
import type {
  PayableLineKind,
  RefundAdjustment,
  Settlement,
  SettlementLine,
  SettlementPayout,
  SettlementTaxInvoice,
} from '../../domain/settlement/settlement';
import { bigint, id, int, nullableText, ref, text, time } from '../entity-columns';

const nullableInt = (name: string): EntitySchemaColumnOptions => ({ ...int(name), nullable: true });

export interface PayableLineRow {
  id: string;
  kind: PayableLineKind;
  orderLineId: string;
  orderId: string;
  orderNumber: string;
  sellerId: string;
  productName: string;
  quantity: number;
  amount: number;
  feeRateBps: number;
  fee: number;
  purchaseConfirmedAt: Date;
  payableAt: Date;
  settlementId: string | null;
  recordedAt: Date;
}

export const PayableLineEntity = new EntitySchema<PayableLineRow>({
  name: 'PayableLine',
  tableName: 'payable_lines',
  columns: {
    id,
    kind: text('kind', 16) as EntitySchemaColumnOptions,
    orderLineId: ref('order_line_id'),
    orderId: ref('order_id'),
    orderNumber: text('order_number', 40),
    sellerId: ref('seller_id'),
    productName: text('product_name', 200),
    quantity: int('quantity'),
    amount: bigint('amount'),
    feeRateBps: int('fee_rate_bps'),
    fee: bigint('fee'),
    purchaseConfirmedAt: time('purchase_confirmed_at'),
    payableAt: time('payable_at'),
    settlementId: ref('settlement_id', true),
    recordedAt: time('recorded_at'),
  },
});

export type AdjustmentRow = RefundAdjustment;

export const AdjustmentEntity = new EntitySchema<AdjustmentRow>({
  name: 'SettlementAdjustment',
  tableName: 'settlement_adjustments',
  columns: {
    id,
    kind: text('kind', 16) as EntitySchemaColumnOptions,
    refundId: text('refund_id', 100),
    sellerId: ref('seller_id'),
    orderId: ref('order_id'),
    amount: bigint('amount'),
    reason: text('reason', 200),
    occurredAt: time('occurred_at'),
    recordedAt: time('recorded_at'),
    recordedBy: ref('recorded_by', true),
    settlementId: ref('settlement_id', true),
  },
});

/** The stored settlement: the domain's shape, with the status as the column holds it. */
export type SettlementRow = Omit<Settlement, 'status'> & { status: string };

export const SettlementEntity = new EntitySchema<SettlementRow>({
  name: 'Settlement',
  tableName: 'settlements',
  columns: {
    id,
    sellerId: ref('seller_id'),
    weekId: text('week_id', 8),
    periodStart: time('period_start'),
    cutoff: time('cutoff'),
    status: text('status', 16),
    gross: bigint('gross'),
    fee: bigint('fee'),
    refunds: bigint('refunds'),
    net: bigint('net'),
    saleCount: int('sale_count'),
    refundCount: int('refund_count'),
    failureCode: text('failure_code', 80, true),
    failureMessage: text('failure_message', 500, true),
    paidOutAt: time('paid_out_at', true),
    statementNotificationId: ref('statement_notification_id', true),
    statementSentAt: time('statement_sent_at', true),
    completedAt: time('completed_at', true),
    createdAt: time('created_at'),
    updatedAt: time('updated_at'),
  },
});

export interface SettlementLineRow extends SettlementLine {
  id: string;
  settlementId: string;
}

export const SettlementLineEntity = new EntitySchema<SettlementLineRow>({
  name: 'SettlementLine',
  tableName: 'settlement_lines',
  columns: {
    id,
    settlementId: ref('settlement_id'),
    kind: text('kind', 16) as EntitySchemaColumnOptions,
    sourceId: text('source_id', 100),
    orderId: ref('order_id'),
    orderNumber: text('order_number', 40, true),
    description: text('description', 200),
    quantity: nullableInt('quantity'),
    amount: bigint('amount'),
    feeRateBps: nullableInt('fee_rate_bps'),
    fee: bigint('fee'),
    occurredAt: time('occurred_at'),
  },
});

export type PayoutRow = Omit<SettlementPayout, 'status'> & {
  status: string;
  rawResponse: string | null;
  updatedAt: Date;
};

export const PayoutEntity = new EntitySchema<PayoutRow>({
  name: 'SettlementPayout',
  tableName: 'settlement_payouts',
  columns: {
    settlementId: { ...ref('settlement_id'), primary: true },
    amount: bigint('amount'),
    bankCode: text('bank_code', 3),
    accountMasked: text('account_masked', 20),
    transferId: text('transfer_id', 40),
    status: text('status', 12),
    vendorCode: text('vendor_code', 20, true),
    vendorMessage: text('vendor_message', 300, true),
    rawResponse: nullableText('raw_response'),
    requestedAt: time('requested_at'),
    paidAt: time('paid_at', true),
    updatedAt: time('updated_at'),
  },
});

export type TaxInvoiceRow = Omit<SettlementTaxInvoice, 'status'> & {
  status: string;
  rawResponse: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export const TaxInvoiceEntity = new EntitySchema<TaxInvoiceRow>({
  name: 'TaxInvoice',
  tableName: 'tax_invoices',
  columns: {
    settlementId: { ...ref('settlement_id'), primary: true },
    mgtKey: text('mgt_key', 24),
    status: text('status', 12),
    ntsConfirmNum: text('nts_confirm_num', 24, true),
    writeDate: text('write_date', 8),
    supplyCost: bigint('supply_cost'),
    tax: bigint('tax'),
    total: bigint('total'),
    issuedAt: time('issued_at', true),
    failureCode: text('failure_code', 40, true),
    failureMessage: text('failure_message', 500, true),
    rawResponse: nullableText('raw_response'),
    createdAt: time('created_at'),
    updatedAt: time('updated_at'),
  },
});

export const settlementEntities = [
  PayableLineEntity,
  AdjustmentEntity,
  SettlementEntity,
  SettlementLineEntity,
  PayoutEntity,
  TaxInvoiceEntity,
] as EntitySchema[];
