import { createMiddleware } from 'hono/factory';
import { routePath } from 'hono/route';
import type { AppEnv } from '../app-env';
import type { Metrics } from '../../platform/observability/metrics';
import { isWarmUpRequest, WARM_UP_HEADER_NAME } from '../../platform/warm-up-marker';

/**
 * Records request duration by route template (not raw path, which would explode label cardinality).
 * The process's own warm-up requests are not shoppers' and are not recorded.
 */
export function httpMetrics(metrics: Metrics) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (isWarmUpRequest(c.req.header(WARM_UP_HEADER_NAME))) return next();
    const stop = metrics.httpRequestDuration.startTimer();
    try {
      await next();
    } finally {
      const route = routePath(c);
      stop({
        method: c.req.method,
        route: route === '/*' || route === '*' ? 'unmatched' : route,
        status: String(c.res.status),
      });
    }
  });
}
