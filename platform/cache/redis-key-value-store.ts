import { Redis } from 'ioredis';
import type { KeyValueStore } from './key-value-store';

export class RedisKeyValueStore implements KeyValueStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'jangteo:',
  ) {}

  static connect(url: string, prefix?: string): RedisKeyValueStore {
    // Fail a command after one reconnect attempt instead of queueing it forever while Redis is down.
    const redis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2000 });
    redis.on('error', () => undefined); // surfaced through the failing command, not as an unhandled event
    return new RedisKeyValueStore(redis, prefix);
  }

  private k(key: string) {
    return this.prefix + key;
  }

  async get(key: string) {
    return this.redis.get(this.k(key));
  }

  async set(key: string, value: string, ttlMs?: number) {
    if (ttlMs) await this.redis.set(this.k(key), value, 'PX', ttlMs);
    else await this.redis.set(this.k(key), value);
  }

  async setIfAbsent(key: string, value: string, ttlMs: number) {
    return (await this.redis.set(this.k(key), value, 'PX', ttlMs, 'NX')) === 'OK';
  }

  async increment(key: string, ttlMs: number) {
    const [[, count]] = (await this.redis
      .multi()
      .incr(this.k(key))
      .pexpire(this.k(key), ttlMs, 'NX')
      .exec()) as [[Error | null, number], [Error | null, number]];
    return count;
  }

  async ttl(key: string) {
    const ms = await this.redis.pttl(this.k(key));
    return ms >= 0 ? ms : null;
  }

  async delete(...keys: string[]) {
    if (keys.length > 0) await this.redis.del(...keys.map((key) => this.k(key)));
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
    await this.redis.ping();
  }

  async close() {
    this.redis.disconnect();
  }
}
