import type { Principal } from '../../domain/identity/principal';
import { orderNotFound } from '../../domain/ordering/ordering-errors';
import type {
  ShipmentRecord,
  ShipmentRepository,
  ShippingOrderOwners,
  StoredTrackingEvent,
} from '../../domain/shipping/ports';

export interface TrackedShipment {
  shipment: ShipmentRecord;
  events: StoredTrackingEvent[];
}

/** The buyer's delivery timeline (or any order's, for an admin); another buyer's order is not found. */
export async function trackOrder(
  deps: { shipments: ShipmentRepository; orders: ShippingOrderOwners },
  principal: Principal,
  orderId: string,
): Promise<TrackedShipment[]> {
  const order = await deps.orders.findById(orderId);
  if (!order || (principal.role !== 'ADMIN' && order.userId !== principal.userId))
    throw orderNotFound(orderId);
  const shipments = await deps.shipments.listByOrder(orderId);
  return Promise.all(
    shipments.map(async (shipment) => ({
      shipment,
      events: shipment.invoiceNumber
        ? await deps.shipments.eventsOf(shipment.id, shipment.invoiceNumber)
        : [],
    })),
  );
}
