import type { RateLimit } from './rate-limiter';

/** The limits on unauthenticated and token calls (RATE_LIMIT_* and LOGIN_* variables; docs/security.md). */
export interface AbuseLimits {
  /** Sign-ups per client address. */
  signupPerClient: RateLimit;
  /** "Someone tried to sign up with your address" mails per existing account (never a 429). */
  signupNoticesPerAccount: RateLimit;
  /** Sign-in attempts per client address, whatever the e-mail. */
  loginPerClient: RateLimit;
  /** Token refreshes per client address, and per account once the token names it. */
  refreshPerClient: RateLimit;
  refreshPerAccount: RateLimit;
  /** Calls of the PG return URL per client address. */
  paymentReturnPerClient: RateLimit;
  login: LoginLockLimits;
}

export interface LoginLockLimits {
  /** Wrong passwords for one account from one client before that pair is locked. */
  failuresPerClient: number;
  /** Wrong passwords for one account from all clients together before the account is locked (0: never). */
  failuresPerAccount: number;
  /** Window in which failures add up. */
  failureWindowMs: number;
  /** How long a lock lasts. */
  lockMs: number;
}

const MINUTE = 60_000;

export const DEFAULT_ABUSE_LIMITS: AbuseLimits = {
  signupPerClient: { limit: 20, windowMs: 10 * MINUTE },
  signupNoticesPerAccount: { limit: 1, windowMs: 60 * MINUTE },
  loginPerClient: { limit: 30, windowMs: MINUTE },
  refreshPerClient: { limit: 120, windowMs: MINUTE },
  refreshPerAccount: { limit: 10, windowMs: MINUTE },
  paymentReturnPerClient: { limit: 30, windowMs: MINUTE },
  login: { failuresPerClient: 5, failuresPerAccount: 100, failureWindowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
};
