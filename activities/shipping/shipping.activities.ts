import type {
  CourierTracker,
  ShipmentRepository,
  TrackingLookup,
  TrackingSource,
} from '../../domain/shipping/ports';
import type { ShipmentStatus, TrackingStatus } from '../../domain/shipping/shipment-status';
import type { TrackingEvent } from '../../domain/shipping/tracking-event';
import type { PollingPlan } from '../../domain/shipping/tracking-policy';
import type { CourierName } from '../../domain/shipping/courier';
import type { Logger } from '../../platform/observability/logger';
import type { InvoiceRegistration, ShipmentInput } from '../../workflows/shipping/shipment.messages';

export interface ShippingActivityDeps {
  shipments: ShipmentRepository;
  tracker: CourierTracker;
  /** The shop's courier webhook with its secret, given to the tracker for pushes. */
  callbackUrl: string;
  logger: Logger;
  newId(): string;
  now(): Date;
}

export interface ShipmentOpened {
  shipmentId: string;
  status: ShipmentStatus;
}

export interface InvoiceRegistered {
  /** False when the shipment is already DELIVERED or CANCELLED (nothing changed). */
  registered: boolean;
  pushRegistered: boolean;
  pollingPlan: PollingPlan;
}

export interface RecordTrackingInput {
  shipmentId: string;
  invoiceNumber: string;
  events: TrackingEvent[];
  source: TrackingSource;
  /** Set when these events moved the shipment forward. */
  status?: TrackingStatus;
  deliveredAt?: string;
}

/**
 * The shipment row's own steps, which need no courier: OrderLifecycle runs them too (generation 3
 * opens the row at payment and closes it on a cancel before any invoice).
 */
export function createShipmentRowActivities(deps: Pick<ShippingActivityDeps, 'shipments' | 'newId' | 'now'>) {
  return {
    /** The shipment row of a seller part's parcel (first or an exchange's), once (a retried start finds it). */
    async openShipment(input: ShipmentInput): Promise<ShipmentOpened> {
      const at = deps.now();
      const shipment = await deps.shipments.open({
        id: deps.newId(),
        orderId: input.orderId,
        orderNumber: input.orderNumber,
        sellerId: input.sellerId,
        exchangeId: input.exchangeId,
        buyerUserId: input.buyerUserId,
        itemSummary: input.itemSummary,
        status: 'AWAITING_INVOICE',
        pushRegistered: false,
        createdAt: at,
        updatedAt: at,
      });
      return { shipmentId: shipment.id, status: shipment.status };
    },

    /** The part was cancelled or returned before delivery: the shipment stops (webhooks for it are ignored). */
    async cancelShipment(input: { shipmentId: string }): Promise<{ cancelled: boolean }> {
      return { cancelled: await deps.shipments.cancel(input.shipmentId, deps.now()) };
    },
  };
}

export type ShipmentRowActivities = ReturnType<typeof createShipmentRowActivities>;

export function createShippingActivities(deps: ShippingActivityDeps) {
  const log = deps.logger.child({ context: 'shipping' });
  return {
    ...createShipmentRowActivities(deps),
    /**
     * Asks the tracker to push this parcel's steps to our webhook (a refusal only means we poll),
     * then puts the invoice on the shipment.
     */
    async registerInvoice(input: {
      shipmentId: string;
      registration: InvoiceRegistration;
    }): Promise<InvoiceRegistered> {
      const { registration } = input;
      const push = await deps.tracker.register({
        courier: registration.courier,
        invoiceNumber: registration.invoiceNumber,
        reference: input.shipmentId,
        callbackUrl: deps.callbackUrl,
      });
      if (push.kind === 'failed')
        log.warn(
          { shipmentId: input.shipmentId, code: push.code, reason: push.message },
          'tracking push registration refused; following the parcel by look-ups',
        );
      const registered = await deps.shipments.registerInvoice(
        input.shipmentId,
        {
          courier: registration.courier,
          invoiceNumber: registration.invoiceNumber,
          registeredBy: registration.registeredBy,
          registeredAt: new Date(registration.registeredAt),
          pushRegistered: push.kind === 'registered',
        },
        deps.now(),
      );
      return {
        registered,
        pushRegistered: push.kind === 'registered',
        pollingPlan: deps.tracker.pollingPlan,
      };
    },

    /** One look-up at the tracker; its outcome is a value (outages included), never personal data. */
    async lookUpTracking(input: {
      shipmentId: string;
      courier: CourierName;
      invoiceNumber: string;
    }): Promise<TrackingLookup> {
      const result = await deps.tracker.lookUp(input.courier, input.invoiceNumber);
      if (result.kind === 'unavailable')
        log.warn(
          { shipmentId: input.shipmentId, code: result.code, reason: result.message },
          'tracking look-up failed',
        );
      return result;
    },

    /** Stores new steps (once each) and moves the shipment forward; a replay changes nothing. */
    async recordTracking(input: RecordTrackingInput): Promise<{ stored: number; advanced: boolean }> {
      const now = deps.now();
      const stored = await deps.shipments.recordEvents(
        input.shipmentId,
        input.invoiceNumber,
        input.events,
        input.source,
        now,
      );
      const advanced = input.status
        ? await deps.shipments.advance(input.shipmentId, input.invoiceNumber, input.status, {
            movedAt: now,
            deliveredAt: input.deliveredAt ? new Date(input.deliveredAt) : undefined,
          })
        : false;
      if (!advanced && input.events.length > 0)
        await deps.shipments.noteMovement(input.shipmentId, input.invoiceNumber, now);
      return { stored: stored.length, advanced };
    },

    /** No movement for STALL_AFTER_MS: the shipment shows in the admins' list (and the log). */
    async flagStalledShipment(input: { shipmentId: string; quietSince: string }): Promise<void> {
      await deps.shipments.markStalled(input.shipmentId, deps.now());
      log.warn(
        { shipmentId: input.shipmentId, quietSince: input.quietSince },
        'shipment stalled: no movement',
      );
    },
  };
}

export type ShippingActivities = ReturnType<typeof createShippingActivities>;
