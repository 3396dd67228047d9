import { EntitySchema } from 'typeorm';
import { bool, id, int, ref, text, time } from '../entity-columns';

export interface ShipmentRow {
  id: string;
  orderId: string;
  orderNumber: string;
  sellerId: string;
  exchangeId: string | null;
  /** '' for the part's first parcel, the exchange id for a replacement: one shipment per (order, seller, parcel). */
  parcel: string;
  buyerUserId: string;
  itemSummary: string;
  status: string;
  courier: string | null;
  invoiceNumber: string | null;
  registeredBy: string | null;
  registeredAt: Date | null;
  pushRegistered: boolean;
  lastMovementAt: Date | null;
  deliveredAt: Date | null;
  stalledAt: Date | null;
  cancelledAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const ShipmentEntity = new EntitySchema<ShipmentRow>({
  name: 'Shipment',
  tableName: 'shipments',
  columns: {
    id,
    orderId: ref('order_id'),
    orderNumber: text('order_number', 40),
    sellerId: ref('seller_id'),
    exchangeId: ref('exchange_id', true),
    parcel: text('parcel', 36),
    buyerUserId: ref('buyer_user_id'),
    itemSummary: text('item_summary', 200),
    status: text('status', 20),
    courier: text('courier', 10, true),
    invoiceNumber: text('invoice_number', 20, true),
    registeredBy: ref('registered_by', true),
    registeredAt: time('registered_at', true),
    pushRegistered: bool('push_registered'),
    lastMovementAt: time('last_movement_at', true),
    deliveredAt: time('delivered_at', true),
    stalledAt: time('stalled_at', true),
    cancelledAt: time('cancelled_at', true),
    createdAt: time('created_at'),
    updatedAt: time('updated_at'),
  },
});

export interface ShipmentEventRow {
  id: string;
  shipmentId: string;
  invoiceNumber: string;
  eventKey: string;
  status: string;
  level: number;
  occurredAt: Date;
  location: string;
  description: string;
  source: string;
  receivedAt: Date;
}

export const ShipmentEventEntity = new EntitySchema<ShipmentEventRow>({
  name: 'ShipmentEvent',
  tableName: 'shipment_events',
  columns: {
    id,
    shipmentId: ref('shipment_id'),
    invoiceNumber: text('invoice_number', 20),
    eventKey: text('event_key', 120),
    status: text('status', 20),
    level: int('level'),
    occurredAt: time('occurred_at'),
    location: text('location', 100),
    description: text('description', 100),
    source: text('source', 10),
    receivedAt: time('received_at'),
  },
});

export const shippingEntities = [ShipmentEntity, ShipmentEventEntity];
