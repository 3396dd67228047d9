import type { CourierName } from './courier';
import type { ShipmentStatus, TrackingStatus } from './shipment-status';
import type { TrackingEvent } from './tracking-event';
import type { PollingPlan } from './tracking-policy';

/** A seller part's shipment as stored (ids, codes and the part's description: no personal data). */
export interface ShipmentRecord {
  id: string;
  /** The order the parcel belongs to (a replacement's too). */
  orderId: string;
  orderNumber: string;
  sellerId: string;
  /** Set on an exchange's replacement parcel; absent on the part's first parcel. */
  exchangeId?: string;
  buyerUserId: string;
  itemSummary: string;
  status: ShipmentStatus;
  courier?: CourierName;
  invoiceNumber?: string;
  registeredBy?: string;
  registeredAt?: Date;
  /** The tracker will push this invoice's steps to our webhook. */
  pushRegistered: boolean;
  /** Last time the parcel moved (or the invoice was registered). */
  lastMovementAt?: Date;
  deliveredAt?: Date;
  /** Set while the parcel has not moved for STALL_AFTER_MS; cleared when it moves again. */
  stalledAt?: Date;
  cancelledAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

export type TrackingSource = 'WEBHOOK' | 'POLL';

export interface StoredTrackingEvent extends TrackingEvent {
  invoiceNumber: string;
  source: TrackingSource;
  receivedAt: Date;
}

export interface ShipmentPage {
  items: ShipmentRecord[];
  nextCursor: string | null;
}

export interface InvoiceOnShipment {
  courier: CourierName;
  invoiceNumber: string;
  registeredBy: string;
  registeredAt: Date;
  pushRegistered: boolean;
}

export interface ShipmentRepository {
  /** Inserts the shipment, or returns the one already open for the same order, seller and parcel (first or an exchange's). */
  open(record: ShipmentRecord): Promise<ShipmentRecord>;
  findById(id: string): Promise<ShipmentRecord | null>;
  listByOrder(orderId: string): Promise<ShipmentRecord[]>;
  /**
   * Puts the invoice on the shipment (a different invoice replaces the first and starts its
   * tracking over at READY). False once the shipment is DELIVERED or CANCELLED.
   */
  registerInvoice(id: string, invoice: InvoiceOnShipment, now: Date): Promise<boolean>;
  /** Stores the events not stored yet for this invoice; returns those that were new. */
  recordEvents(
    shipmentId: string,
    invoiceNumber: string,
    events: readonly TrackingEvent[],
    source: TrackingSource,
    receivedAt: Date,
  ): Promise<TrackingEvent[]>;
  /** Whether this step of this invoice is already stored (webhook replays). */
  hasEvent(shipmentId: string, invoiceNumber: string, key: string): Promise<boolean>;
  /**
   * Moves the shipment forward to `status` while it still tracks `invoiceNumber`; never backwards.
   * Also clears a stall flag. False when nothing changed.
   */
  advance(
    id: string,
    invoiceNumber: string,
    status: TrackingStatus,
    at: { movedAt: Date; deliveredAt?: Date },
  ): Promise<boolean>;
  /** The parcel moved without changing status (another depot): restarts the stall clock. */
  noteMovement(id: string, invoiceNumber: string, at: Date): Promise<void>;
  markStalled(id: string, at: Date): Promise<void>;
  /** CANCELLED unless already DELIVERED; false when nothing changed. */
  cancel(id: string, at: Date): Promise<boolean>;
  eventsOf(shipmentId: string, invoiceNumber: string): Promise<StoredTrackingEvent[]>;
  listBySeller(
    sellerId: string,
    filter: { statuses: readonly ShipmentStatus[]; cursor?: string; limit: number },
  ): Promise<ShipmentPage>;
  listStalled(filter: { cursor?: string; limit: number }): Promise<ShipmentPage>;
}

export interface TrackingRegistration {
  courier: CourierName;
  invoiceNumber: string;
  /** Our id for the parcel, echoed back in each push (`fid`). */
  reference: string;
  callbackUrl: string;
}

export type RegistrationResult =
  | { kind: 'registered' }
  /** This tracker account has no push contract: look-ups only. */
  | { kind: 'unsupported' }
  | { kind: 'failed'; code?: string; message: string };

export type TrackingLookup =
  | { kind: 'found'; complete: boolean; events: TrackingEvent[] }
  /** The courier does not know the invoice (yet): normal before pickup, or a mistyped number. */
  | { kind: 'not_found'; code: string; message: string }
  /** Key, quota or network trouble: nothing learnt, look again later. */
  | { kind: 'unavailable'; code?: string; message: string };

/** The courier-tracking service (SweetTracker; its simulator in sandbox). */
export interface CourierTracker {
  readonly provider: string;
  /** How often to look up a parcel when pushes stay silent. */
  readonly pollingPlan: PollingPlan;
  register(registration: TrackingRegistration): Promise<RegistrationResult>;
  lookUp(courier: CourierName, invoiceNumber: string): Promise<TrackingLookup>;
}

/** A verified push from the tracker, already mapped to our events. */
export interface CourierCallback {
  reference: string;
  courier: CourierName;
  invoiceNumber: string;
  events: TrackingEvent[];
}

/** Reads one tracker push (its vendor format) into a callback, or says why it is not one. */
export type CourierCallbackReader = (
  body: unknown,
) => { kind: 'callback'; callback: CourierCallback } | { kind: 'malformed'; reason: string };

/** What shipping asks ordering before showing a timeline: whose order this is. */
export interface ShippingOrderOwners {
  findById(orderId: string): Promise<{ userId: string } | null>;
}
