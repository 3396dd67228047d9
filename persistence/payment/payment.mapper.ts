import type {
  PaymentMethod,
  PaymentRecord,
  PaymentStatus,
  PgPaymentStatus,
  PgProvider,
} from '../../domain/payment';
import type { PaymentRow } from './payment.entities';

export function toPaymentRow(record: PaymentRecord): PaymentRow {
  return {
    id: record.id,
    orderId: record.orderId,
    attempt: record.attempt,
    userId: record.userId,
    provider: record.provider ?? null,
    method: record.method,
    totalAmount: record.totalAmount,
    pointsAmount: record.pointsAmount,
    pgAmount: record.pgAmount,
    status: record.status,
    pgTransactionId: record.pgTransactionId ?? null,
    pgStatus: record.pgStatus ?? null,
    failureCode: record.failureCode ?? null,
    failureMessage: record.failureMessage?.slice(0, 500) ?? null,
    rawResponse: record.rawResponse === undefined ? null : JSON.stringify(record.rawResponse),
    callbackSecret: record.callbackSecret ?? null,
    approvedAt: record.approvedAt ?? null,
    cancelledAmount: record.cancelledAmount,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

export function toPaymentRecord(row: PaymentRow): PaymentRecord {
  return {
    id: row.id,
    orderId: row.orderId,
    attempt: row.attempt,
    userId: row.userId,
    provider: (row.provider ?? undefined) as PgProvider | undefined,
    method: row.method as PaymentMethod,
    totalAmount: row.totalAmount,
    pointsAmount: row.pointsAmount,
    pgAmount: row.pgAmount,
    status: row.status as PaymentStatus,
    pgTransactionId: row.pgTransactionId ?? undefined,
    pgStatus: (row.pgStatus ?? undefined) as PgPaymentStatus | undefined,
    failureCode: row.failureCode ?? undefined,
    failureMessage: row.failureMessage ?? undefined,
    rawResponse: row.rawResponse === null ? undefined : (JSON.parse(row.rawResponse) as unknown),
    callbackSecret: row.callbackSecret ?? undefined,
    approvedAt: row.approvedAt ?? undefined,
    cancelledAmount: row.cancelledAmount,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
