import type { Channel } from 'amqplib';
import type { EventHandler, PublishedEvent } from '../../domain/shared/domain-event';
import type { OutboxEntry } from '../../domain/shared/outbox-relay';

/** Names and routing of the events' RabbitMQ topology (docs/events.md#rabbitmq). */
export interface RabbitTopology {
  /** Prefix of the exchange and queue names: `jangteo` in production, unique per test run. */
  namespace: string;
  /** Partition queues per handler (default 4): events of one aggregate always share one. */
  partitions: number;
}

export const DEFAULT_TOPOLOGY: RabbitTopology = { namespace: 'jangteo', partitions: 4 };

export const exchangeName = (t: RabbitTopology) => `${t.namespace}.events`;
export const queueName = (t: RabbitTopology, handler: string, partition: number) =>
  `${t.namespace}.${handler}.${partition}`;

/** FNV-1a: the same aggregate id lands in the same partition on every process and restart. */
export function partitionOf(aggregateId: string, partitions: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < aggregateId.length; i++) {
    hash ^= aggregateId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % partitions;
}

export const routingKey = (t: RabbitTopology, event: Pick<PublishedEvent, 'aggregateId' | 'type'>) =>
  `${partitionOf(event.aggregateId, t.partitions)}.${event.type}`;

/** AMQP topic patterns: `catalog.*` (any type under catalog) is `catalog.#` there. */
const bindingPattern = (partition: number, pattern: string) =>
  `${partition}.${pattern.endsWith('.*') ? `${pattern.slice(0, -2)}.#` : pattern}`;

/**
 * Declares the exchange and each handler's partition queues (durable, single active consumer: one
 * replica at a time takes a partition, so its events are applied in order). Idempotent.
 */
export async function declareTopology(
  channel: Channel,
  t: RabbitTopology,
  handlers: Pick<EventHandler, 'name' | 'subscribesTo'>[],
): Promise<void> {
  await channel.assertExchange(exchangeName(t), 'topic', { durable: true });
  for (const handler of handlers) {
    for (let p = 0; p < t.partitions; p++) {
      const queue = queueName(t, handler.name, p);
      await channel.assertQueue(queue, { durable: true, arguments: { 'x-single-active-consumer': true } });
      for (const pattern of handler.subscribesTo)
        await channel.bindQueue(queue, exchangeName(t), bindingPattern(p, pattern));
    }
  }
}

export const encodeEntry = (entry: OutboxEntry): Buffer => Buffer.from(JSON.stringify(entry));

export function decodeEntry(content: Buffer): OutboxEntry {
  const raw = JSON.parse(content.toString('utf8')) as OutboxEntry & { occurredAt: string };
  return { ...raw, occurredAt: new Date(raw.occurredAt) };
}
