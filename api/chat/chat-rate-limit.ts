import type { KeyValueStore } from '../../platform/cache/key-value-store';
import { ProblemError } from '../problem';

const WINDOW_MS = 60_000;

/** Messages per user per minute (CHAT_MESSAGES_PER_MINUTE), counted in the shared store so every API process agrees. */
export class ChatRateLimiter {
  constructor(
    private readonly kv: KeyValueStore,
    private readonly perMinute: number,
  ) {}

  async consume(userId: string): Promise<void> {
    const key = `chat:rate:${userId}`;
    const count = await this.kv.increment(key, WINDOW_MS);
    if (count > this.perMinute) {
      const ttl = (await this.kv.ttl(key)) ?? WINDOW_MS;
      const retryAfterSeconds = Math.max(1, Math.ceil(ttl / 1000));
      throw new ProblemError(
        'RATE_LIMITED',
        `At most ${this.perMinute} chat messages a minute; try again in ${retryAfterSeconds} s.`,
        { retryAfterSeconds },
      );
    }
  }
}
