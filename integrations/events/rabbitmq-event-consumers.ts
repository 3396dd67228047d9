import amqp, { type Channel, type ChannelModel, type ConsumeMessage } from 'amqplib';
import type { EventHandler } from '../../domain/shared/domain-event';
import type { Log } from '../../domain/shared/log';
import { decodeEntry, declareTopology, queueName, type RabbitTopology } from './rabbitmq-topology';

interface PartitionState {
  handler: EventHandler;
  queue: string;
  buffer: ConsumeMessage[];
  draining: Promise<void> | null;
}

/**
 * Consumes every handler's partition queues (docs/events.md#rabbitmq). Replicas compete: RabbitMQ
 * gives each queue to one active consumer, and the next one takes over when it goes. Messages of
 * one queue are handled in arrival order, in batches of what has arrived, and acknowledged after
 * the handler (which applies or parks every event); a handler error closes the channel so the
 * unacknowledged messages return, in order, to whoever consumes next.
 */
export class RabbitMqEventConsumers {
  private connection: ChannelModel | null = null;
  private channel: Channel | null = null;
  private partitions: PartitionState[] = [];
  private tags: string[] = [];
  private stopped = false;
  private reconnectTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly url: string,
    private readonly topology: RabbitTopology,
    private readonly handlers: EventHandler[],
    private readonly logger: Log,
    private readonly options: { prefetch?: number; reconnectDelayMs?: number } = {},
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    await this.connect();
  }

  private async connect(): Promise<void> {
    const connection = await amqp.connect(this.url);
    this.connection = connection;
    connection.on('error', (error: unknown) =>
      this.logger.warn({ err: error }, 'RabbitMQ consumer connection error'),
    );
    connection.on('close', () => {
      if (this.connection === connection) this.connection = null;
      this.scheduleReconnect();
    });
    await this.openChannel(connection);
  }

  private async openChannel(connection: ChannelModel): Promise<void> {
    const channel = await connection.createChannel();
    this.channel = channel;
    channel.on('error', (error: unknown) =>
      this.logger.warn({ err: error }, 'RabbitMQ consumer channel error'),
    );
    channel.on('close', () => {
      if (this.channel !== channel) return;
      this.channel = null;
      if (!this.stopped && this.connection === connection)
        setTimeout(
          () => void this.openChannel(connection).catch(() => this.scheduleReconnect()),
          this.delay(),
        );
    });
    await declareTopology(channel, this.topology, this.handlers);
    // Bounded per consumer: a partition this process holds never buffers more than this.
    await channel.prefetch(this.options.prefetch ?? 100, false);
    this.partitions = [];
    this.tags = [];
    for (const handler of this.handlers) {
      for (let p = 0; p < this.topology.partitions; p++) {
        const state: PartitionState = {
          handler,
          queue: queueName(this.topology, handler.name, p),
          buffer: [],
          draining: null,
        };
        this.partitions.push(state);
        const { consumerTag } = await channel.consume(
          state.queue,
          (message) => message && this.received(channel, state, message),
          { noAck: false },
        );
        this.tags.push(consumerTag);
      }
    }
  }

  private delay() {
    return this.options.reconnectDelayMs ?? 1000;
  }

  private scheduleReconnect() {
    if (this.stopped || this.reconnectTimer || this.connection) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect().catch((error: unknown) => {
        this.logger.warn({ err: error }, 'RabbitMQ consumer reconnect failed; retrying');
        this.scheduleReconnect();
      });
    }, this.delay());
  }

  private received(channel: Channel, state: PartitionState, message: ConsumeMessage) {
    state.buffer.push(message);
    state.draining ??= this.drain(channel, state).finally(() => {
      state.draining = null;
    });
  }

  private async drain(channel: Channel, state: PartitionState): Promise<void> {
    // A channel that closed (or an aborted consumer) handles nothing more: its messages go to the next consumer.
    while (state.buffer.length > 0 && this.channel === channel) {
      const batch = state.buffer.splice(0);
      try {
        await state.handler.handle(batch.map((message) => decodeEntry(message.content)));
      } catch (error) {
        this.logger.error({ err: error, queue: state.queue }, 'event handler failed; its messages go back');
        state.buffer.length = 0;
        await channel.close().catch(() => undefined);
        return;
      }
      if (this.channel !== channel) return;
      for (const message of batch) channel.ack(message);
    }
  }

  /** Graceful: no new deliveries; the batches in hand finish and are acknowledged, then the connection closes. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const channel = this.channel;
    if (channel) for (const tag of this.tags) await channel.cancel(tag).catch(() => undefined);
    await Promise.all(this.partitions.map((state) => state.draining));
    this.channel = null;
    await channel?.close().catch(() => undefined);
    const connection = this.connection;
    this.connection = null;
    await connection?.close().catch(() => undefined);
  }

  /** A crash, for tests: the connection goes at once; unacknowledged messages return to the queues. */
  async abort(): Promise<void> {
    this.stopped = true;
    const connection = this.connection;
    this.connection = null;
    this.channel = null;
    await connection?.close().catch(() => undefined);
  }
}
