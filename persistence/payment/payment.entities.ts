import { EntitySchema } from 'typeorm';
import { bigint, bool, id, int, nullableText, ref, text, time } from '../entity-columns';
import { PointsLotEntity } from './points-lot.entity';
import { RefundEntity } from './refund.entity';

export interface PaymentRow {
  id: string;
  orderId: string;
  attempt: number;
  userId: string;
  provider: string | null;
  method: string;
  totalAmount: number;
  pointsAmount: number;
  pgAmount: number;
  status: string;
  pgTransactionId: string | null;
  pgStatus: string | null;
  failureCode: string | null;
  failureMessage: string | null;
  rawResponse: string | null;
  callbackSecret: string | null;
  approvedAt: Date | null;
  cancelledAmount: number;
  createdAt: Date;
  updatedAt: Date;
}

export const PaymentEntity = new EntitySchema<PaymentRow>({
  name: 'Payment',
  tableName: 'payments',
  columns: {
    id,
    orderId: ref('order_id'),
    attempt: int('attempt'),
    userId: ref('user_id'),
    provider: text('provider', 20, true),
    method: text('method', 20),
    totalAmount: bigint('total_amount'),
    pointsAmount: bigint('points_amount'),
    pgAmount: bigint('pg_amount'),
    status: text('status', 24),
    pgTransactionId: text('pg_transaction_id', 200, true),
    pgStatus: text('pg_status', 24, true),
    failureCode: text('failure_code', 80, true),
    failureMessage: text('failure_message', 500, true),
    rawResponse: nullableText('raw_response'),
    callbackSecret: text('callback_secret', 200, true),
    approvedAt: time('approved_at', true),
    cancelledAmount: bigint('cancelled_amount'),
    createdAt: time('created_at'),
    updatedAt: time('updated_at'),
  },
});

export interface PaymentEventRow {
  id: string;
  provider: string;
  eventId: string;
  eventType: string;
  orderId: string;
  pgTransactionId: string;
  pgStatus: string;
  stale: boolean;
  receivedAt: Date;
}

export const PaymentEventEntity = new EntitySchema<PaymentEventRow>({
  name: 'PaymentEvent',
  tableName: 'payment_events',
  columns: {
    id,
    provider: text('provider', 20),
    eventId: text('event_id', 300),
    eventType: text('event_type', 40),
    orderId: text('order_id', 64),
    pgTransactionId: text('pg_transaction_id', 200),
    pgStatus: text('pg_status', 24),
    stale: bool('stale'),
    receivedAt: time('received_at'),
  },
});

export interface PointsAccountRow {
  userId: string;
  available: number;
  held: number;
  version: number;
  updatedAt: Date;
}

export const PointsAccountEntity = new EntitySchema<PointsAccountRow>({
  name: 'PointsAccount',
  tableName: 'points_accounts',
  columns: {
    userId: { ...ref('user_id'), primary: true },
    available: bigint('available'),
    held: bigint('held'),
    version: int('version'),
    updatedAt: time('updated_at'),
  },
});

export interface PointsHoldRow {
  orderId: string;
  userId: string;
  amount: number;
  status: string;
  refunded: number;
  expiresAt: Date | null;
  updatedAt: Date;
}

export const PointsHoldEntity = new EntitySchema<PointsHoldRow>({
  name: 'PointsHold',
  tableName: 'points_holds',
  columns: {
    orderId: { ...ref('order_id'), primary: true },
    userId: ref('user_id'),
    amount: bigint('amount'),
    status: text('status', 12),
    refunded: bigint('refunded'),
    expiresAt: time('expires_at', true),
    updatedAt: time('updated_at'),
  },
});

export interface PointsLedgerRow {
  id: string;
  userId: string;
  type: string;
  amount: number;
  orderId: string | null;
  reference: string | null;
  reason: string | null;
  availableAfter: number;
  heldAfter: number;
  createdAt: Date;
}

export const PointsLedgerEntity = new EntitySchema<PointsLedgerRow>({
  name: 'PointsLedgerEntry',
  tableName: 'points_ledger',
  columns: {
    id,
    userId: ref('user_id'),
    type: text('type', 16),
    amount: bigint('amount'),
    orderId: ref('order_id', true),
    reference: text('reference', 120, true),
    reason: text('reason', 200, true),
    availableAfter: bigint('available_after'),
    heldAfter: bigint('held_after'),
    createdAt: time('created_at'),
  },
});

export const paymentEntities = [
  PaymentEntity,
  PaymentEventEntity,
  PointsAccountEntity,
  PointsHoldEntity,
  PointsLedgerEntity,
  PointsLotEntity,
  RefundEntity,
];
