import type { PointsEntry, PointsEntryType, PointsLot } from '../../domain/payment';
import type { PointsLedgerRow } from './payment.entities';
import type { PointsLotRow } from './points-lot.entity';

export function toRow(entry: PointsEntry, now: Date): PointsLedgerRow {
  return {
    id: entry.entryId,
    userId: entry.userId,
    type: entry.type,
    amount: entry.amount,
    orderId: entry.orderId ?? null,
    reference: entry.reference ?? null,
    reason: entry.reason ?? null,
    availableAfter: entry.availableAfter,
    heldAfter: entry.heldAfter,
    createdAt: now,
  };
}

export function toEntry(row: PointsLedgerRow): PointsEntry {
  return {
    entryId: row.id,
    userId: row.userId,
    type: row.type as PointsEntryType,
    amount: row.amount,
    orderId: row.orderId ?? undefined,
    reference: row.reference ?? undefined,
    reason: row.reason ?? undefined,
    at: row.createdAt.toISOString(),
    availableAfter: row.availableAfter,
    heldAfter: row.heldAfter,
  };
}

export function toLot(row: PointsLotRow): PointsLot {
  return {
    lotId: row.id,
    amount: row.amount,
    remaining: row.remaining,
    expiresAt: row.expiresAt ? row.expiresAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toLotRow(lot: PointsLot, userId: string): PointsLotRow {
  return {
    id: lot.lotId,
    userId,
    amount: lot.amount,
    remaining: lot.remaining,
    expiresAt: lot.expiresAt ? new Date(lot.expiresAt) : null,
    createdAt: new Date(lot.createdAt),
  };
}
