import type { EventHandler, PublishedEvent } from '../../domain/shared/domain-event';
import type { DeadLetterParkingDeps } from '../dead-letter/park-dead-letter';
import { parkDeadLetter } from '../dead-letter/park-dead-letter';

export interface DispatchDeps {
  parking: DeadLetterParkingDeps;
  /** Tries of one event before it is parked (default 5). */
  attempts?: number;
  /** The first backoff; it doubles after each failed try (default 100 ms). */
  backoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** event_handler_failures_total{handler}: every failed try. */
  countFailure?: (handler: string) => void;
}

const defaultSleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

const errorOf = (error: unknown) => ({
  code: 'PROJECTION_FAILED',
  message: error instanceof Error ? error.message : String(error),
});

/**
 * The dead-letter reference of an event parked by a handler: `<handler>:<event id>`, and for an
 * operator's redelivery that failed again, its own outbox position too (a new letter, not the old one).
 */
export const projectionReference = (
  handler: string,
  event: PublishedEvent & { targetHandler?: string | null },
) => (event.targetHandler ? `${handler}:${event.id}:${event.sequence}` : `${handler}:${event.id}`);

/**
 * Wraps a handler so that a failure never stops the stream (docs/events.md#dead-letters): the
 * batch is tried with backoff; when it keeps failing, each event is tried on its own and one that
 * still fails is parked as a `projection` dead letter, and the rest go on. Resolves once every
 * event is applied or parked, so the caller may acknowledge them.
 */
export function reliableHandler(handler: EventHandler, deps: DispatchDeps): EventHandler {
  const attempts = deps.attempts ?? 5;
  const backoffMs = deps.backoffMs ?? 100;
  const sleep = deps.sleep ?? defaultSleep;

  async function tryHandle(events: PublishedEvent[]): Promise<{ ok: true } | { ok: false; error: unknown }> {
    let lastError: unknown;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        await handler.handle(events);
        return { ok: true };
      } catch (error) {
        lastError = error;
        deps.countFailure?.(handler.name);
        if (attempt < attempts) await sleep(backoffMs * 2 ** (attempt - 1));
      }
    }
    return { ok: false, error: lastError };
  }

  return {
    name: handler.name,
    subscribesTo: handler.subscribesTo,
    async handle(events) {
      if (events.length === 0) return;
      const whole = await tryHandle(events);
      if (whole.ok) return;
      if (events.length === 1) return park(events[0]!, whole.error);
      for (const event of events) {
        const outcome = await tryHandle([event]);
        if (!outcome.ok) await park(event, outcome.error);
      }
    },
  };

  async function park(event: PublishedEvent, error: unknown) {
    await parkDeadLetter(
      deps.parking,
      {
        kind: 'projection',
        reference: projectionReference(handler.name, event),
        input: { handler: handler.name, event },
        lastError: errorOf(error),
        attempts,
      },
      `event handler ${handler.name} failed on ${event.type} ${event.id}; parked`,
    );
  }
}
