import type { CounterStore } from '../../domain/shared/counter-store';

export interface LoginThrottleLimits {
  /** Wrong passwords for one email before it is locked. */
  maxFailures: number;
  /** Window in which failures add up, and how long a lock lasts. */
  failureWindowMs: number;
  lockoutMs: number;
  /** Login attempts per client address per window, whatever the email. */
  maxAttemptsPerAddress: number;
  addressWindowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginThrottleLimits = {
  maxFailures: 5,
  failureWindowMs: 15 * 60_000,
  lockoutMs: 15 * 60_000,
  maxAttemptsPerAddress: 30,
  addressWindowMs: 60_000,
};

export type ThrottleVerdict =
  { allowed: true } | { allowed: false; reason: 'locked' | 'rate-limited'; retryAfterMs: number };

/**
 * Login rate limit and temporary lockout in the key-value store (Redis; memory when embedded).
 * Keys use the email's keyed hash, never the email, and apply whether or not the account exists,
 * so the lock itself does not reveal which emails are registered.
 */
export class LoginThrottle {
  constructor(
    private readonly kv: CounterStore,
    private readonly limits: LoginThrottleLimits = DEFAULT_LOGIN_LIMITS,
  ) {}

  async check(emailKey: string, address: string): Promise<ThrottleVerdict> {
    const lockTtl = await this.kv.ttl(`login:lock:${emailKey}`);
    if (lockTtl !== null) return { allowed: false, reason: 'locked', retryAfterMs: lockTtl };
    const attempts = await this.kv.increment(`login:addr:${address}`, this.limits.addressWindowMs);
    if (attempts > this.limits.maxAttemptsPerAddress) {
      return {
        allowed: false,
        reason: 'rate-limited',
        retryAfterMs: (await this.kv.ttl(`login:addr:${address}`)) ?? this.limits.addressWindowMs,
      };
    }
    return { allowed: true };
  }

  /** Counts a failure; true when this failure locked the email. */
  async recordFailure(emailKey: string): Promise<boolean> {
    const failures = await this.kv.increment(`login:fail:${emailKey}`, this.limits.failureWindowMs);
    if (failures < this.limits.maxFailures) return false;
    await this.kv.set(`login:lock:${emailKey}`, '1', this.limits.lockoutMs);
    await this.kv.delete(`login:fail:${emailKey}`);
    return true;
  }

  async recordSuccess(emailKey: string): Promise<void> {
    await this.kv.delete(`login:fail:${emailKey}`);
  }
}
