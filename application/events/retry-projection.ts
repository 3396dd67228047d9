import type { DeadLetterRetrier } from '../../domain/dead-letter/dead-letter';
import type { PublishedEvent } from '../../domain/shared/domain-event';
import type { OutboxRelayStore } from '../../domain/shared/outbox-relay';

/**
 * The admin retry of a `projection` dead letter: the event goes back into the outbox addressed to
 * the one handler that parked it. Keyed by the letter, so retrying the same letter twice queues it once.
 */
export function projectionDeadLetterRetrier(store: Pick<OutboxRelayStore, 'redeliver'>): DeadLetterRetrier {
  return async (letter) => {
    const { handler, event } = letter.input as { handler: string; event: PublishedEvent };
    const deliveryKey = `${event.id}:${handler}:${letter.id}`;
    await store.redeliver({ ...event, occurredAt: new Date(event.occurredAt) }, handler, deliveryKey);
    return { workflowId: `outbox:${deliveryKey}` };
  };
}
