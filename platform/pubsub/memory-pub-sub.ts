import type { PubSub } from './pub-sub';

/** In-process fan-out for the embedded mode (one process serves every listener). */
export class MemoryPubSub implements PubSub {
  private readonly channels = new Map<string, Set<(message: string) => void>>();

  async publish(channel: string, message: string): Promise<void> {
    const handlers = this.channels.get(channel);
    if (!handlers) return;
    // Delivered asynchronously, like Redis: a publisher never runs listener code on its own stack.
    for (const handler of [...handlers]) queueMicrotask(() => handler(message));
  }

  async subscribe(channel: string, handler: (message: string) => void): Promise<() => Promise<void>> {
    const handlers = this.channels.get(channel) ?? new Set();
    this.channels.set(channel, handlers);
    const subscription = (message: string) => handler(message);
    handlers.add(subscription);
    return async () => {
      handlers.delete(subscription);
      if (handlers.size === 0 && this.channels.get(channel) === handlers) this.channels.delete(channel);
    };
  }

  async close(): Promise<void> {
    this.channels.clear();
  }
}
