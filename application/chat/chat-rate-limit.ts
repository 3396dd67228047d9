import type { ChatMessageRateLimit } from '../../domain/chat/ports';
import type { CounterStore } from '../../domain/shared/counter-store';
import { DomainError } from '../../domain/shared/domain-error';

const WINDOW_MS = 60_000;

/** Messages per user per minute (CHAT_MESSAGES_PER_MINUTE), counted in the shared store so every API process agrees. */
export class ChatRateLimiter implements ChatMessageRateLimit {
  constructor(
    private readonly counters: CounterStore,
    private readonly perMinute: number,
  ) {}

  async consume(userId: string): Promise<void> {
    const key = `chat:rate:${userId}`;
    const count = await this.counters.increment(key, WINDOW_MS);
    if (count > this.perMinute) {
      const ttl = (await this.counters.ttl(key)) ?? WINDOW_MS;
      const retryAfterSeconds = Math.max(1, Math.ceil(ttl / 1000));
      throw new DomainError(
        'RATE_LIMITED',
        `At most ${this.perMinute} chat messages a minute; try again in ${retryAfterSeconds} s.`,
        { retryAfterSeconds },
      );
    }
  }
}
