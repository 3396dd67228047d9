import { Redis } from 'ioredis';
import type { PubSub } from './pub-sub';

/**
 * Redis pub/sub across API processes. A connection in subscriber mode cannot run other commands,
 * so publishing uses a second one. One SUBSCRIBE per channel per process, however many local
 * listeners; ioredis re-subscribes by itself after a reconnect.
 */
export class RedisPubSub implements PubSub {
  private readonly handlers = new Map<string, Set<(message: string) => void>>();

  constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly prefix = 'jangteo:',
  ) {
    subscriber.on('message', (channel: string, message: string) => {
      for (const handler of [...(this.handlers.get(channel) ?? [])]) handler(message);
    });
  }

  static connect(url: string, prefix?: string): RedisPubSub {
    const publisher = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2000 });
    const subscriber = new Redis(url, { connectTimeout: 2000 });
    // Surfaced through failing commands (publisher) or logged reconnects, not as unhandled events.
    publisher.on('error', () => undefined);
    subscriber.on('error', () => undefined);
    return new RedisPubSub(publisher, subscriber, prefix);
  }

  async publish(channel: string, message: string): Promise<void> {
    await this.publisher.publish(this.prefix + channel, message);
  }

  async subscribe(channel: string, handler: (message: string) => void): Promise<() => Promise<void>> {
    const name = this.prefix + channel;
    let handlers = this.handlers.get(name);
    const first = !handlers;
    if (!handlers) {
      handlers = new Set();
      this.handlers.set(name, handlers);
    }
    const subscription = (message: string) => handler(message);
    handlers.add(subscription);
    if (first) await this.subscriber.subscribe(name);
    const own = handlers;
    return async () => {
      own.delete(subscription);
      if (own.size === 0 && this.handlers.get(name) === own) {
        this.handlers.delete(name);
        await this.subscriber.unsubscribe(name).catch(() => undefined);
      }
    };
  }

  async close(): Promise<void> {
    this.handlers.clear();
    this.subscriber.disconnect();
    this.publisher.disconnect();
  }
}
