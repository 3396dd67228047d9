import type { CounterStore } from '../../domain/shared/counter-store';
import { DomainError } from '../../domain/shared/domain-error';
import type { Log } from '../../domain/shared/log';

/** At most `limit` calls per fixed window of `windowMs`; a limit of 0 switches the rule off. */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

export type RateVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

/** `15분`, `1시간 5분`, `40초`: how long the user waits, rounded up, in the words of a Korean UI. */
export function koreanWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return `${seconds}초`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes}분`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours}시간` : `${hours}시간 ${minutes % 60}분`;
}

/** The 429 every limit answers: `retryAfterSeconds` becomes the `Retry-After` header (api/problem.ts). */
export function rateLimitedError(retryAfterMs: number, what: string): DomainError {
  const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new DomainError(
    'RATE_LIMITED',
    `${what} 요청이 너무 많습니다. ${koreanWait(retryAfterMs)} 후에 다시 시도해 주세요.`,
    { retryAfterSeconds },
  );
}

/**
 * Fixed-window counters in the shared key-value store (Redis; memory when embedded), so every API
 * process counts together. When the store is unreachable the call is let through: a limit exists to
 * stop abuse, and refusing every sign-up during a Redis outage would be an outage of its own.
 */
export class RateLimiter {
  constructor(
    private readonly counters: CounterStore,
    private readonly logger?: Log,
  ) {}

  async hit(key: string, rule: RateLimit): Promise<RateVerdict> {
    if (rule.limit <= 0) return { allowed: true };
    const counter = `rate:${key}`;
    try {
      const count = await this.counters.increment(counter, rule.windowMs);
      if (count <= rule.limit) return { allowed: true };
      return { allowed: false, retryAfterMs: (await this.counters.ttl(counter)) ?? rule.windowMs };
    } catch (error) {
      this.logger?.warn({ err: error, key: counter }, 'rate limit not checked: counter store unavailable');
      return { allowed: true };
    }
  }

  /** Counts one call against each rule; throws RATE_LIMITED (429) naming the longest wait when any is over. */
  async consume(what: string, ...checks: Array<[key: string, rule: RateLimit]>): Promise<void> {
    let wait = 0;
    for (const [key, rule] of checks) {
      const verdict = await this.hit(key, rule);
      if (!verdict.allowed) wait = Math.max(wait, verdict.retryAfterMs);
    }
    if (wait > 0) throw rateLimitedError(wait, what);
  }
}
