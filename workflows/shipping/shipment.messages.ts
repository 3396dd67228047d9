import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { CourierName } from '../../domain/shipping/courier';
import type { TrackingStatus } from '../../domain/shipping/shipment-status';
import type { TrackingEvent } from '../../domain/shipping/tracking-event';

/**
 * The contract between OrderLifecycle (parent) and Shipment (child, one per seller part), shared by
 * the API, both workflows and the courier webhook. Ids and codes only: no personal data.
 */
export { SHIPPING_TASK_QUEUE } from '../shared/task-queues';

/** Courier as the API names it (`domain/shipping/courier.ts` maps each to its tracker code). */
export type { CourierName };

export interface ShipmentInput {
  /** The order the parcel belongs to (an exchange's replacement too). */
  orderId: string;
  orderNumber: string;
  sellerId: string;
  /**
   * Set for an exchange's replacement parcel (docs/shipping.md#parcels): the buyer hears of it as the
   * exchanged item. Absent for the part's first parcel, and for replacements started before it existed
   * (those carry the exchange id as `orderId`).
   */
  exchangeId?: string;
  /** The buyer, for dispatch and delivery notices (the notification context resolves contact details). */
  buyerUserId: string;
  /** A short description of the part for messages (`무선 키보드 외 1건`). */
  itemSummary: string;
}

/**
 * Sent by OrderLifecycle once it accepted the seller's ship command (the part is SHIPPED from then on):
 * the Shipment registers tracking and follows the parcel. Sent again with another invoice, it
 * replaces the first (a mistyped invoice corrected by the seller).
 */
export interface InvoiceRegistration {
  courier: CourierName;
  /** Normalised (digits only), already checked by domain/shipping. */
  invoiceNumber: string;
  registeredBy: string;
  /** ISO-8601. */
  registeredAt: string;
}
export const invoiceRegisteredSignal = defineSignal<[InvoiceRegistration]>('invoiceRegistered');

/** What the Shipment returns to OrderLifecycle: the parcel reached the buyer. */
export interface ShipmentResult {
  status: 'DELIVERED';
  /** ISO-8601, as the courier reported it. */
  deliveredAt: string;
  courier: CourierName;
  invoiceNumber: string;
}

/**
 * Tracking steps the courier pushed to our webhook (already verified by the API). The workflow
 * drops steps it has seen and steps of an invoice it no longer follows; the status never moves back.
 */
export interface TrackingEventsNotice {
  invoiceNumber: string;
  events: TrackingEvent[];
}
export const trackingEventsSignal = defineSignal<[TrackingEventsNotice]>('trackingEvents');

/** What the Shipment knows right now (the `shipments` table holds the same once each step is recorded). */
export interface ShipmentState {
  shipmentId?: string;
  status: 'AWAITING_INVOICE' | TrackingStatus;
  courier?: CourierName;
  invoiceNumber?: string;
  /** Look-ups made for the current invoice. */
  polls: number;
  /** ISO-8601 of the next look-up, while following a parcel. */
  nextPollAt?: string;
  stalled: boolean;
}
export const shipmentStateQuery = defineQuery<ShipmentState>('shipmentState');
