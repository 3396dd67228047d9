import type { EventHandler } from '../../domain/shared/domain-event';
import { deliveredTo, type EventBus, type OutboxEntry } from '../../domain/shared/outbox-relay';

/**
 * The embedded shop's bus: the relay hands each batch straight to this process's handlers and
 * marks it published once they are done, so a crash before that delivers the batch again.
 */
export class InProcessEventBus implements EventBus {
  constructor(private readonly handlers: EventHandler[]) {}

  async publish(entries: OutboxEntry[]): Promise<void> {
    await Promise.all(
      this.handlers.map(async (handler) => {
        const events = deliveredTo(handler, entries);
        if (events.length > 0) await handler.handle(events);
      }),
    );
  }
}
