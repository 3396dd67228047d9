import type { EventHandler, PublishedEvent } from './domain-event';

/** An event as the relay reads it from the outbox: possibly meant for one handler only (a redelivery). */
export interface OutboxEntry extends PublishedEvent {
  /** Set for an operator's redelivery of a dead letter: only this handler gets it. */
  targetHandler: string | null;
}

/** The relay's side of the outbox (docs/events.md#the-relay). */
export interface OutboxRelayStore {
  /**
   * Runs `publish` over the oldest unpublished events (sequence order, at most `limit`) and marks
   * them published once it resolves; a throw marks nothing, so they go again. Replicas take turns:
   * while one relays, another's call finds nothing (`claimed: false`) instead of waiting.
   */
  relayBatch(
    limit: number,
    publish: (entries: OutboxEntry[]) => Promise<void>,
  ): Promise<{ claimed: boolean; published: number }>;
  /** When the oldest unpublished event was written; null when everything is published. */
  oldestUnpublishedAt(): Promise<Date | null>;
  /** Re-queues one event for one handler (the admin retry of its dead letter); a repeat adds nothing. */
  redeliver(event: PublishedEvent, handler: string, deliveryKey: string): Promise<void>;
}

/** Where published events go: handlers in this process, or a broker (RabbitMQ) the consumers read. */
export interface EventBus {
  /** Resolves once the bus holds the events (in-process: handled; RabbitMQ: confirmed). */
  publish(entries: OutboxEntry[]): Promise<void>;
}

/** Whether `handler` takes events of `type`: an exact type, or a prefix pattern ending in `.*`. */
export function subscribesTo(handler: Pick<EventHandler, 'subscribesTo'>, type: string): boolean {
  return handler.subscribesTo.some((pattern) =>
    pattern.endsWith('.*') ? type.startsWith(pattern.slice(0, -1)) : pattern === type,
  );
}

/** The events of a batch one handler gets: those it subscribes to, minus redeliveries meant for another. */
export function deliveredTo(handler: EventHandler, entries: OutboxEntry[]): OutboxEntry[] {
  return entries.filter(
    (entry) =>
      (entry.targetHandler === null || entry.targetHandler === handler.name) &&
      subscribesTo(handler, entry.type),
  );
}
