import type { MiddlewareHandler } from 'hono';
import type { RateLimit, RateLimiter } from '../../application/shared/rate-limiter';
import type { AppEnv } from '../app-env';
import type { ClientOf } from '../identity/client-address';

/**
 * Counts each call against `rule` per client address before the handler runs; over the limit the
 * call is answered 429 RATE_LIMITED with `Retry-After`. `what` names the call in the Korean detail.
 */
export function rateLimitPerClient(options: {
  limiter: RateLimiter;
  clientOf: ClientOf;
  name: string;
  what: string;
  rule: RateLimit;
}): MiddlewareHandler<AppEnv> {
  const { limiter, clientOf, name, what, rule } = options;
  return async (c, next) => {
    const client = clientOf(c);
    if (client !== null) await limiter.consume(what, [`${name}:client:${client}`, rule]);
    await next();
  };
}
