import {
  ActivityFailure,
  CancellationScope,
  condition,
  continueAsNew,
  isCancellation,
  log,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { ShippingActivities } from '../../activities/shipping/shipping.activities';
import type { CourierName } from '../../domain/shipping/courier';
import type { TrackingSource } from '../../domain/shipping/ports';
import {
  applyTrackingEvents,
  initialTrackingState,
  type TrackingEvent,
  type TrackingState,
} from '../../domain/shipping/tracking-event';
import { nextPollDelayMs, STALL_AFTER_MS, type PollingPlan } from '../../domain/shipping/tracking-policy';
import { COMPENSATION_RETRY, DATABASE_RETRY, withTimeout } from '../shared/activity-options';
import { sendNotice } from '../shared/notices';
import { orderDeliveredNotice, orderShippedNotice } from './shipment-notices';
import {
  invoiceRegisteredSignal,
  shipmentStateQuery,
  trackingEventsSignal,
  type InvoiceRegistration,
  type ShipmentInput,
  type ShipmentResult,
  type ShipmentState,
  type TrackingEventsNotice,
} from './shipment.messages';

/** Writes to our own tables: idempotent, retried through short database trouble. */
const steps = proxyActivities<ShippingActivities>(
  withTimeout('30 seconds', { ...DATABASE_RETRY, maximumAttempts: 20 }),
);
/** A look-up answers outages as values; Temporal only retries a worker that died mid-call. */
const lookups = proxyActivities<ShippingActivities>({
  startToCloseTimeout: '45 seconds',
  retry: { initialInterval: '5 seconds', maximumInterval: '30 seconds', maximumAttempts: 3 },
});
/** Marking the shipment cancelled must finish, whatever the database is doing. */
const undo = proxyActivities<ShippingActivities>(withTimeout('30 seconds', COMPENSATION_RETRY));

/** The parcel being followed: one invoice, its tracking and the look-up schedule (times in workflow ms). */
interface Parcel {
  courier: CourierName;
  invoiceNumber: string;
  plan: PollingPlan;
  tracking: TrackingState;
  idlePolls: number;
  polls: number;
  nextPollAt: number;
  lastMovementAt: number;
  stalled: boolean;
}

/** What a continued run picks up (long-followed parcels keep their history short). */
export interface ShipmentCarryOver {
  shipmentId: string;
  parcel?: Parcel;
  pendingRegistration?: InvoiceRegistration;
  inbox: TrackingEventsNotice[];
}

/**
 * Shipment (docs/shipping.md), a child of OrderLifecycle per seller part: opens the shipment (or is
 * handed it with the first invoice, generation 3), waits for the invoice the parent accepted, registers tracking, follows the parcel by pushed events (signal
 * from the courier webhook) and by look-ups that back off while nothing moves, tells the buyer on
 * dispatch and on delivery, flags a parcel that has not moved for 14 days, and completes with the
 * delivery. Cancelling it (part cancelled or returned) marks the shipment CANCELLED and stops.
 */
export async function shipmentWorkflow(
  input: ShipmentInput,
  carried?: ShipmentCarryOver,
): Promise<ShipmentResult> {
  let shipmentId = carried?.shipmentId;
  let parcel = carried?.parcel;
  let pendingRegistration = carried?.pendingRegistration;
  const inbox: TrackingEventsNotice[] = [...(carried?.inbox ?? [])];
  setHandler(invoiceRegisteredSignal, (registration) => void (pendingRegistration = registration));
  setHandler(trackingEventsSignal, (notice) => void inbox.push(notice));
  setHandler(shipmentStateQuery, (): ShipmentState => ({
    shipmentId,
    status: parcel ? parcel.tracking.status : 'AWAITING_INVOICE',
    courier: parcel?.courier,
    invoiceNumber: parcel?.invoiceNumber,
    polls: parcel?.polls ?? 0,
    nextPollAt: parcel ? new Date(parcel.nextPollAt).toISOString() : undefined,
    stalled: parcel?.stalled ?? false,
  }));

  try {
    if (!shipmentId) shipmentId = (await steps.openShipment(input)).shipmentId;
    const id = shipmentId;

    /** Takes events in; true when they were news (the parcel moved). */
    const takeIn = async (followed: Parcel, events: TrackingEvent[], source: TrackingSource) => {
      const update = applyTrackingEvents(followed.tracking, events);
      if (update.fresh.length === 0) return false;
      followed.tracking = update.state;
      await steps.recordTracking({
        shipmentId: id,
        invoiceNumber: followed.invoiceNumber,
        events: update.fresh,
        source,
        status: update.advanced ? update.state.status : undefined,
        deliveredAt: update.state.deliveredAt,
      });
      const now = Date.now();
      followed.lastMovementAt = now;
      followed.stalled = false;
      followed.idlePolls = 0;
      followed.nextPollAt = now + nextPollDelayMs(followed.plan, 0);
      return true;
    };

    for (;;) {
      if (pendingRegistration) {
        const registration = pendingRegistration;
        pendingRegistration = undefined;
        parcel = await follow(input, id, registration, parcel);
        continue;
      }
      if (!parcel) {
        await condition(() => pendingRegistration !== undefined);
        continue;
      }

      for (const notice of inbox.splice(0)) {
        if (notice.invoiceNumber === parcel.invoiceNumber) await takeIn(parcel, notice.events, 'WEBHOOK');
        else log.info('tracking events for an invoice no longer followed were dropped', { shipmentId: id });
      }
      if (parcel.tracking.status === 'DELIVERED') return await deliver(input, parcel);

      if (Date.now() >= parcel.nextPollAt) {
        parcel.polls += 1;
        const moved = await lookUp(id, parcel, takeIn);
        if (!moved) {
          parcel.idlePolls += 1;
          parcel.nextPollAt = Date.now() + nextPollDelayMs(parcel.plan, parcel.idlePolls);
        }
        continue;
      }

      const stallAt = parcel.lastMovementAt + STALL_AFTER_MS;
      if (!parcel.stalled && Date.now() >= stallAt) {
        parcel.stalled = true;
        await steps.flagStalledShipment({
          shipmentId: id,
          quietSince: new Date(parcel.lastMovementAt).toISOString(),
        });
        continue;
      }

      if (workflowInfo().continueAsNewSuggested)
        await continueAsNew<typeof shipmentWorkflow>(input, {
          shipmentId: id,
          parcel,
          pendingRegistration,
          inbox: inbox.splice(0),
        });

      const wakeAt = parcel.stalled ? parcel.nextPollAt : Math.min(parcel.nextPollAt, stallAt);
      await condition(
        () => inbox.length > 0 || pendingRegistration !== undefined,
        Math.max(1, wakeAt - Date.now()),
      );
    }
  } catch (error) {
    if (isCancellation(error) && shipmentId) {
      const id = shipmentId;
      await CancellationScope.nonCancellable(() => undo.cancelShipment({ shipmentId: id }));
    }
    throw error;
  }
}

/** Puts the (first or corrected) invoice on the shipment, registers tracking and tells the buyer. */
async function follow(
  input: ShipmentInput,
  shipmentId: string,
  registration: InvoiceRegistration,
  current: Parcel | undefined,
): Promise<Parcel | undefined> {
  if (
    current &&
    current.courier === registration.courier &&
    current.invoiceNumber === registration.invoiceNumber
  )
    return current;
  const result = await steps.registerInvoice({ shipmentId, registration });
  if (!result.registered) {
    log.warn('an invoice arrived for a shipment that is already finished', { shipmentId });
    return current;
  }
  const now = Date.now();
  await sendNotice(orderShippedNotice(input, registration), { onlySendFailures: true });
  return {
    courier: registration.courier,
    invoiceNumber: registration.invoiceNumber,
    plan: result.pollingPlan,
    tracking: initialTrackingState(),
    idlePolls: 0,
    polls: 0,
    nextPollAt: now + nextPollDelayMs(result.pollingPlan, 0),
    lastMovementAt: now,
    stalled: false,
  };
}

/** One look-up; an outage or an unknown invoice is simply a look-up that found nothing new. */
async function lookUp(
  shipmentId: string,
  parcel: Parcel,
  takeIn: (parcel: Parcel, events: TrackingEvent[], source: TrackingSource) => Promise<boolean>,
): Promise<boolean> {
  try {
    const result = await lookups.lookUpTracking({
      shipmentId,
      courier: parcel.courier,
      invoiceNumber: parcel.invoiceNumber,
    });
    return result.kind === 'found' ? await takeIn(parcel, result.events, 'POLL') : false;
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
    log.warn('tracking look-up failed after its retries', { shipmentId, error: error.message });
    return false;
  }
}

async function deliver(input: ShipmentInput, parcel: Parcel): Promise<ShipmentResult> {
  const deliveredAt = parcel.tracking.deliveredAt ?? new Date(Date.now()).toISOString();
  await sendNotice(orderDeliveredNotice(input, new Date(deliveredAt)), { onlySendFailures: true });
  return { status: 'DELIVERED', deliveredAt, courier: parcel.courier, invoiceNumber: parcel.invoiceNumber };
}
