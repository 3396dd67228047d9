import { z } from 'zod';
import { DEFAULT_ABUSE_LIMITS, type AbuseLimits } from '../application/shared/abuse-limits';
import type { RateLimit } from '../application/shared/rate-limiter';

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const durationMs = (value: string) => Number.parseInt(value, 10) * (UNIT_MS[value.at(-1)!] ?? 1000);
const DURATION = /^\d+[smhd]?$/;

/** `<count>/<duration>` (`20/10m`, `30/1m`), or `off`; the default is the rule in DEFAULT_ABUSE_LIMITS. */
const rate = (fallback: RateLimit) =>
  z
    .string()
    .trim()
    .regex(/^(off|\d+\/\d+[smhd]?)$/, 'must be <count>/<duration> such as 30/1m, or off')
    .transform((value): RateLimit => {
      if (value === 'off') return { limit: 0, windowMs: 60_000 };
      const [count, window] = value.split('/') as [string, string];
      return { limit: Number(count), windowMs: durationMs(window) };
    })
    .refine((rule) => rule.limit === 0 || rule.windowMs > 0, 'the window must be longer than zero')
    .default(fallback);

const count = (fallback: number, min: number) =>
  z.coerce.number().int().min(min).max(1_000_000).default(fallback);

const defaults = DEFAULT_ABUSE_LIMITS;

/** Rate limits and sign-in locks of the API (README, Configuration; reasoning in docs/security.md). */
export const abuseLimitsSection = {
  RATE_LIMIT_SIGNUP: rate(defaults.signupPerClient),
  RATE_LIMIT_SIGNUP_NOTICE: rate(defaults.signupNoticesPerAccount),
  RATE_LIMIT_LOGIN: rate(defaults.loginPerClient),
  RATE_LIMIT_REFRESH: rate(defaults.refreshPerClient),
  RATE_LIMIT_REFRESH_PER_ACCOUNT: rate(defaults.refreshPerAccount),
  RATE_LIMIT_PAYMENT_RETURN: rate(defaults.paymentReturnPerClient),
  LOGIN_LOCK_AFTER_FAILURES: count(defaults.login.failuresPerClient, 1),
  LOGIN_ACCOUNT_LOCK_AFTER_FAILURES: count(defaults.login.failuresPerAccount, 0),
  LOGIN_LOCK_DURATION: z
    .string()
    .regex(DURATION, 'must be seconds or a number with s, m, h or d, e.g. 15m')
    .transform(durationMs)
    .refine((ms) => ms > 0, 'must be longer than zero')
    .default(defaults.login.lockMs),
  TRUSTED_PROXY_HOPS: count(0, 0),
};

export interface AbuseConfig {
  limits: AbuseLimits;
  trustedProxyHops: number;
}

export function abuseConfig(env: z.output<z.ZodObject<typeof abuseLimitsSection>>): AbuseConfig {
  return {
    limits: {
      signupPerClient: env.RATE_LIMIT_SIGNUP,
      signupNoticesPerAccount: env.RATE_LIMIT_SIGNUP_NOTICE,
      loginPerClient: env.RATE_LIMIT_LOGIN,
      refreshPerClient: env.RATE_LIMIT_REFRESH,
      refreshPerAccount: env.RATE_LIMIT_REFRESH_PER_ACCOUNT,
      paymentReturnPerClient: env.RATE_LIMIT_PAYMENT_RETURN,
      login: {
        failuresPerClient: env.LOGIN_LOCK_AFTER_FAILURES,
        failuresPerAccount: env.LOGIN_ACCOUNT_LOCK_AFTER_FAILURES,
        failureWindowMs: env.LOGIN_LOCK_DURATION,
        lockMs: env.LOGIN_LOCK_DURATION,
      },
    },
    trustedProxyHops: env.TRUSTED_PROXY_HOPS,
  };
}
