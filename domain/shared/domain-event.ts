import type { Transaction } from './unit-of-work';

/**
 * Something that happened in a context, written to the outbox (table `outbox_events`) in the same
 * transaction as the change it describes, then relayed at least once to the projections
 * (docs/events.md). Handlers must therefore tolerate a duplicate and, across aggregates, any order.
 */
export interface DomainEvent<P extends Record<string, unknown> = Record<string, unknown>> {
  /** A UUID: the key a projection deduplicates by. */
  id: string;
  /** `<context>.<aggregate>.<what-happened>`, e.g. `catalog.product.changed`. */
  type: string;
  /** `product`, `variant`, `order`…: events of one aggregate are delivered in the order they were written. */
  aggregateType: string;
  aggregateId: string;
  occurredAt: Date;
  payload: P;
}

/** An event as the relay delivers it: with its outbox position (increasing in write order). */
export interface PublishedEvent extends DomainEvent {
  sequence: number;
}

/** Where use cases record events; the row commits or rolls back with `tx`. */
export interface EventOutbox {
  append(events: DomainEvent[], tx: Transaction): Promise<void>;
}

/**
 * A projection (or any other consumer) of domain events. Named, because each handler gets its own
 * subscription (a RabbitMQ queue) and its own dead letters. `handle` may be called again with an
 * event it already applied (at-least-once delivery): it must be idempotent, either by rebuilding
 * from the current state of the aggregate or by remembering event ids.
 */
export interface EventHandler {
  readonly name: string;
  /** The event types it consumes (exact types, or a prefix ending in `.*`, e.g. `catalog.*`). */
  readonly subscribesTo: readonly string[];
  handle(events: PublishedEvent[]): Promise<void>;
}
