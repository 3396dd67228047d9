import type { CounterStore } from '../../domain/shared/counter-store';
import { DEFAULT_ABUSE_LIMITS, type LoginLockLimits } from '../shared/abuse-limits';
import { RateLimiter, type RateLimit } from '../shared/rate-limiter';

export type ThrottleVerdict =
  | { allowed: true }
  | { allowed: false; reason: 'locked' | 'account-locked' | 'rate-limited'; retryAfterMs: number };

/**
 * Sign-in lockout and rate limit in the key-value store (Redis; memory when embedded). A lock holds
 * one (account, client) pair: an attacker's wrong passwords lock the attacker's client, not the
 * owner's. Only failures from many clients together (`failuresPerAccount`) lock the account itself.
 * Keys use the email's keyed hash, never the email, and apply whether or not the account exists, so
 * a lock does not reveal which emails are registered.
 */
export class LoginThrottle {
  private readonly rates: RateLimiter;

  constructor(
    private readonly kv: CounterStore,
    private readonly limits: LoginLockLimits = DEFAULT_ABUSE_LIMITS.login,
    private readonly perClient: RateLimit = DEFAULT_ABUSE_LIMITS.loginPerClient,
  ) {
    this.rates = new RateLimiter(kv);
  }

  async check(emailKey: string, client: string): Promise<ThrottleVerdict> {
    const pairLock = await this.kv.ttl(`login:lock:${emailKey}:${client}`);
    if (pairLock !== null) return { allowed: false, reason: 'locked', retryAfterMs: pairLock };
    const accountLock = await this.kv.ttl(`login:lock:${emailKey}`);
    if (accountLock !== null) return { allowed: false, reason: 'account-locked', retryAfterMs: accountLock };
    const rate = await this.rates.hit(`login:client:${client}`, this.perClient);
    if (!rate.allowed) return { allowed: false, reason: 'rate-limited', retryAfterMs: rate.retryAfterMs };
    return { allowed: true };
  }

  /** Counts a failure of this pair (and of the account); true when it locked the pair or the account. */
  async recordFailure(emailKey: string, client: string): Promise<boolean> {
    const { failuresPerClient, failuresPerAccount, failureWindowMs, lockMs } = this.limits;
    const pair = `${emailKey}:${client}`;
    let locked = false;
    if ((await this.kv.increment(`login:fail:${pair}`, failureWindowMs)) >= failuresPerClient) {
      await this.kv.set(`login:lock:${pair}`, '1', lockMs);
      await this.kv.delete(`login:fail:${pair}`);
      locked = true;
    }
    if (
      failuresPerAccount > 0 &&
      (await this.kv.increment(`login:fail:${emailKey}`, failureWindowMs)) >= failuresPerAccount
    ) {
      await this.kv.set(`login:lock:${emailKey}`, '1', lockMs);
      await this.kv.delete(`login:fail:${emailKey}`);
      locked = true;
    }
    return locked;
  }

  async recordSuccess(emailKey: string, client: string): Promise<void> {
    await this.kv.delete(`login:fail:${emailKey}:${client}`);
  }
}
