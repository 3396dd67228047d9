import amqp, { type ChannelModel, type ConfirmChannel } from 'amqplib';
import type { EventHandler } from '../../domain/shared/domain-event';
import type { Log } from '../../domain/shared/log';
import type { EventBus, OutboxEntry } from '../../domain/shared/outbox-relay';
import {
  declareTopology,
  encodeEntry,
  exchangeName,
  partitionOf,
  queueName,
  routingKey,
  type RabbitTopology,
} from './rabbitmq-topology';

/**
 * Publishes the relay's batches to the topic exchange with publisher confirms: `publish` resolves
 * only when RabbitMQ has taken every message, so the relay marks nothing it lost. A lost connection
 * fails the batch (the relay tries it again) and the next publish connects anew.
 */
export class RabbitMqEventBus implements EventBus {
  private session: Promise<{ connection: ChannelModel; channel: ConfirmChannel }> | null = null;

  constructor(
    private readonly url: string,
    private readonly topology: RabbitTopology,
    /** Every handler a consumer runs, so their queues exist before the first event is routed. */
    private readonly handlers: Pick<EventHandler, 'name' | 'subscribesTo'>[],
    private readonly logger: Log,
  ) {}

  private open() {
    this.session ??= (async () => {
      const connection = await amqp.connect(this.url);
      const forget = () => {
        this.session = null;
      };
      connection.on('close', forget);
      connection.on('error', (error: unknown) =>
        this.logger.warn({ err: error }, 'RabbitMQ publisher connection error'),
      );
      const channel = await connection.createConfirmChannel();
      // A channel the broker closed (a refused publish) takes its connection along: the next publish opens both.
      channel.on('close', () => {
        forget();
        connection.close().catch(() => undefined);
      });
      channel.on('error', (error: unknown) =>
        this.logger.warn({ err: error }, 'RabbitMQ publisher channel error'),
      );
      await declareTopology(channel, this.topology, this.handlers);
      return { connection, channel };
    })().catch((error: unknown) => {
      this.session = null;
      throw error;
    });
    return this.session;
  }

  async publish(entries: OutboxEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const { channel } = await this.open();
    for (const entry of entries) {
      const options = {
        persistent: true,
        messageId: entry.id,
        type: entry.type,
        contentType: 'application/json',
      };
      if (entry.targetHandler)
        channel.sendToQueue(
          queueName(
            this.topology,
            entry.targetHandler,
            partitionOf(entry.aggregateId, this.topology.partitions),
          ),
          encodeEntry(entry),
          options,
        );
      else
        channel.publish(
          exchangeName(this.topology),
          routingKey(this.topology, entry),
          encodeEntry(entry),
          options,
        );
    }
    await channel.waitForConfirms();
  }

  async close(): Promise<void> {
    const session = await this.session?.catch(() => null);
    this.session = null;
    await session?.connection.close().catch(() => undefined);
  }
}
