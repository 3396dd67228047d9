import { COURIERS } from '../../domain/shipping/courier';
import type { ShipmentRecord, StoredTrackingEvent } from '../../domain/shipping/ports';
import { SHIPMENT_STATUS_LABELS } from '../../domain/shipping/shipment-status';

const iso = (value?: Date) => (value ? value.toISOString() : null);

export function trackedShipmentJson(shipment: ShipmentRecord, events: StoredTrackingEvent[]) {
  return {
    sellerId: shipment.sellerId,
    exchangeId: shipment.exchangeId ?? null,
    courier: shipment.courier ?? null,
    courierName: shipment.courier ? COURIERS[shipment.courier].label : null,
    invoiceNumber: shipment.invoiceNumber ?? null,
    status: shipment.status,
    statusLabel: SHIPMENT_STATUS_LABELS[shipment.status],
    deliveredAt: iso(shipment.deliveredAt),
    events: events.map((e) => ({ status: e.status, at: e.at, where: e.where, description: e.description })),
  };
}

export function shipmentSummaryJson(shipment: ShipmentRecord) {
  return {
    id: shipment.id,
    orderId: shipment.orderId,
    orderNumber: shipment.orderNumber,
    sellerId: shipment.sellerId,
    exchangeId: shipment.exchangeId ?? null,
    kind: shipment.exchangeId ? ('EXCHANGE' as const) : ('ORDER' as const),
    itemSummary: shipment.itemSummary,
    status: shipment.status,
    courier: shipment.courier ?? null,
    invoiceNumber: shipment.invoiceNumber ?? null,
    registeredAt: iso(shipment.registeredAt),
    lastMovementAt: iso(shipment.lastMovementAt),
    stalledAt: iso(shipment.stalledAt),
    createdAt: shipment.createdAt.toISOString(),
  };
}
