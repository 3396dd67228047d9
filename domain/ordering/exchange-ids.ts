import { shipmentWorkflowId } from './workflow-ids';

/**
 * The replacement parcel of an exchange has a Shipment of its own, keyed by the exchange id where a
 * part's first parcel is keyed by the order id: `shipment:<exchangeId>:<sellerId>`. Its shipment row
 * carries the real order id and the exchange id (rows from before kept the exchange id as order id;
 * the migration 1732540000014 moved it).
 */
export const exchangeShipmentWorkflowId = (exchangeId: string, sellerId: string): string =>
  shipmentWorkflowId(exchangeId, sellerId);

/** The Shipment workflow following a stored parcel: the part's first, or an exchange's replacement. */
export const parcelWorkflowId = (shipment: { orderId: string; sellerId: string; exchangeId?: string }) =>
  shipment.exchangeId
    ? exchangeShipmentWorkflowId(shipment.exchangeId, shipment.sellerId)
    : shipmentWorkflowId(shipment.orderId, shipment.sellerId);
