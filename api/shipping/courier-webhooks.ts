import { createHash, timingSafeEqual } from 'node:crypto';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { parcelWorkflowId } from '../../domain/ordering/exchange-ids';
import type { CourierCallbackReader, ShipmentRepository } from '../../domain/shipping/ports';
import { trackingEventsSignal } from '../../workflows/shipping/shipment.messages';
import { ProblemError } from '../problem';

export interface CourierWebhookOutcome {
  received: true;
  /** New steps were passed on to the shipment (false for replays and for parcels no longer followed). */
  applied: boolean;
  duplicate: boolean;
}

/** The `{provider}` segments of `POST /webhooks/couriers/{provider}`. */
export const COURIER_WEBHOOK_PROVIDERS = ['sweettracker'] as const;

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * Courier tracking pushes. SweetTracker signs nothing, so each parcel is registered with a callback
 * URL carrying our secret (`?token=`), checked here in constant time; the step must name a shipment
 * by its `fid` and match the invoice it follows. A replayed step changes nothing (`duplicate`), and
 * steps for a finished shipment or a replaced invoice are taken and ignored, so the tracker stops
 * retrying. New steps are signalled to the Shipment workflow, then stored for the buyer's timeline.
 */
export class CourierWebhooks {
  constructor(
    private readonly deps: {
      shipments: ShipmentRepository;
      /** Absent: no callbacks are expected, every one is refused. */
      secret?: string;
      temporal: () => Client;
      now: () => Date;
      /** The tracker's push format (SweetTracker's). */
      readCallback: CourierCallbackReader;
    },
  ) {}

  async receive(
    provider: string,
    token: string | undefined,
    rawBody: string,
  ): Promise<CourierWebhookOutcome> {
    if (!(COURIER_WEBHOOK_PROVIDERS as readonly string[]).includes(provider))
      throw new ProblemError(
        'COURIER_WEBHOOK_UNKNOWN_PROVIDER',
        `No tracker called ${provider} sends callbacks to Jangteo.`,
        { provider },
      );
    if (!this.deps.secret || !token || !timingSafeEqual(digest(token), digest(this.deps.secret)))
      throw new ProblemError(
        'COURIER_WEBHOOK_REJECTED',
        'The callback does not carry the registered secret.',
      );
    let body: unknown;
    try {
      body = JSON.parse(rawBody);
    } catch {
      throw new ProblemError('COURIER_WEBHOOK_MALFORMED', 'The callback body is not JSON.');
    }
    const parsed = this.deps.readCallback(body);
    if (parsed.kind === 'malformed')
      throw new ProblemError(
        'COURIER_WEBHOOK_MALFORMED',
        `The callback was not understood: ${parsed.reason}.`,
      );
    const { callback } = parsed;

    const ignored: CourierWebhookOutcome = { received: true, applied: false, duplicate: false };
    const shipment = await this.deps.shipments.findById(callback.reference);
    if (!shipment) return ignored;
    if (shipment.courier !== callback.courier || shipment.invoiceNumber !== callback.invoiceNumber)
      return ignored;
    if (shipment.status === 'DELIVERED' || shipment.status === 'CANCELLED') return ignored;

    const unseen = [];
    for (const event of callback.events)
      if (!(await this.deps.shipments.hasEvent(shipment.id, callback.invoiceNumber, event.key)))
        unseen.push(event);
    if (unseen.length === 0) return { received: true, applied: false, duplicate: true };

    try {
      await this.deps
        .temporal()
        .workflow.getHandle(parcelWorkflowId(shipment))
        .signal(trackingEventsSignal, { invoiceNumber: callback.invoiceNumber, events: unseen });
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError))
        throw new ProblemError(
          'SERVICE_UNAVAILABLE',
          'The shipment could not be told now; deliver the callback again.',
        );
      return ignored;
    }
    await this.deps.shipments.recordEvents(
      shipment.id,
      callback.invoiceNumber,
      unseen,
      'WEBHOOK',
      this.deps.now(),
    );
    return { received: true, applied: true, duplicate: false };
  }
}
