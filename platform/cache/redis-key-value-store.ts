import { Redis, ReplyError } from 'ioredis';
import { DependencyUnavailableError } from '../dependency-unavailable';
import type { KeyValueStore } from './key-value-store';

export class RedisKeyValueStore implements KeyValueStore {
  /** Set once the first connection is up: from then on a lost connection is an outage. */
  private connectedOnce = false;

  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'jangteo:',
  ) {
    redis.on('ready', () => void (this.connectedOnce = true));
    if (redis.status === 'ready') this.connectedOnce = true;
  }

  static connect(url: string, prefix?: string): RedisKeyValueStore {
    // Fail a command after one reconnect attempt instead of queueing it forever while Redis is down.
    const redis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2000 });
    redis.on('error', () => undefined); // surfaced through the failing command, not as an unhandled event
    return new RedisKeyValueStore(redis, prefix);
  }

  private k(key: string) {
    return this.prefix + key;
  }

  /**
   * Every command goes through here. While Redis is down (after a first connection) a command
   * fails at once instead of waiting for a reconnect, so callers that can do without Redis (the
   * order guard, the product cache) are not slowed by the outage; failures carry
   * DependencyUnavailableError, which the API answers 503 where nothing else is possible.
   */
  private async run<T>(command: (redis: Redis) => Promise<T>): Promise<T> {
    if (this.connectedOnce && this.redis.status !== 'ready')
      throw new DependencyUnavailableError('redis', { cause: new Error(`redis ${this.redis.status}`) });
    try {
      return await command(this.redis);
    } catch (error) {
      if (error instanceof (ReplyError as ErrorConstructor)) throw error; // Redis answered: a bug, not an outage
      throw new DependencyUnavailableError('redis', { cause: error });
    }
  }

  async get(key: string) {
    return this.run((redis) => redis.get(this.k(key)));
  }

  async set(key: string, value: string, ttlMs?: number) {
    await this.run((redis) =>
      ttlMs ? redis.set(this.k(key), value, 'PX', ttlMs) : redis.set(this.k(key), value),
    );
  }

  async setIfAbsent(key: string, value: string, ttlMs: number) {
    return (await this.run((redis) => redis.set(this.k(key), value, 'PX', ttlMs, 'NX'))) === 'OK';
  }

  async increment(key: string, ttlMs: number) {
    const [[, count]] = (await this.run((redis) =>
      redis.multi().incr(this.k(key)).pexpire(this.k(key), ttlMs, 'NX').exec(),
    )) as [[Error | null, number], [Error | null, number]];
    return count;
  }

  async ttl(key: string) {
    const ms = await this.run((redis) => redis.pttl(this.k(key)));
    return ms >= 0 ? ms : null;
  }

  async delete(...keys: string[]) {
    if (keys.length > 0) await this.run((redis) => redis.del(...keys.map((key) => this.k(key))));
  }

  /** Removes every key under this store's prefix (tests use a prefix of their own). */
  async deleteByPrefix() {
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${this.prefix}*`, 'COUNT', 500);
      if (keys.length > 0) await this.redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  }

  async ping() {
    await this.run((redis) => redis.ping());
  }

  async close() {
    this.redis.disconnect();
  }
}
