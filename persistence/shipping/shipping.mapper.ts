import type { CourierName } from '../../domain/shipping/courier';
import type { ShipmentRecord, StoredTrackingEvent, TrackingSource } from '../../domain/shipping/ports';
import type { ShipmentStatus, TrackingStatus } from '../../domain/shipping/shipment-status';
import type { ShipmentEventRow, ShipmentRow } from './shipping.entities';

const optional = <T>(value: T | null): T | undefined => (value === null ? undefined : value);

/** The parcel key of the unique (order, seller, parcel): '' for the first parcel, else the exchange id. */
export const parcelOf = (shipment: { exchangeId?: string }): string => shipment.exchangeId ?? '';

export function toShipmentRecord(row: ShipmentRow): ShipmentRecord {
  return {
    id: row.id,
    orderId: row.orderId,
    orderNumber: row.orderNumber,
    sellerId: row.sellerId,
    exchangeId: optional(row.exchangeId),
    buyerUserId: row.buyerUserId,
    itemSummary: row.itemSummary,
    status: row.status as ShipmentStatus,
    courier: optional(row.courier) as CourierName | undefined,
    invoiceNumber: optional(row.invoiceNumber),
    registeredBy: optional(row.registeredBy),
    registeredAt: optional(row.registeredAt),
    pushRegistered: Boolean(row.pushRegistered),
    lastMovementAt: optional(row.lastMovementAt),
    deliveredAt: optional(row.deliveredAt),
    stalledAt: optional(row.stalledAt),
    cancelledAt: optional(row.cancelledAt),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function toShipmentRow(record: ShipmentRecord): ShipmentRow {
  return {
    id: record.id,
    orderId: record.orderId,
    orderNumber: record.orderNumber,
    sellerId: record.sellerId,
    exchangeId: record.exchangeId ?? null,
    parcel: parcelOf(record),
    buyerUserId: record.buyerUserId,
    itemSummary: record.itemSummary.slice(0, 200),
    status: record.status,
    courier: record.courier ?? null,
    invoiceNumber: record.invoiceNumber ?? null,
    registeredBy: record.registeredBy ?? null,
    registeredAt: record.registeredAt ?? null,
    pushRegistered: record.pushRegistered,
    lastMovementAt: record.lastMovementAt ?? null,
    deliveredAt: record.deliveredAt ?? null,
    stalledAt: record.stalledAt ?? null,
    cancelledAt: record.cancelledAt ?? null,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

export function toStoredEvent(row: ShipmentEventRow): StoredTrackingEvent {
  return {
    key: row.eventKey,
    status: row.status as TrackingStatus,
    level: row.level,
    at: row.occurredAt.toISOString(),
    where: row.location,
    description: row.description,
    invoiceNumber: row.invoiceNumber,
    source: row.source as TrackingSource,
    receivedAt: row.receivedAt,
  };
}
