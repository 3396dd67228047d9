import { createMiddleware } from 'hono/factory';
import { routePath } from 'hono/route';
import type { AppEnv } from '../app-env';
import type { Metrics } from '../../platform/observability/metrics';

/** Records request duration by route template (not raw path, which would explode label cardinality). */
export function httpMetrics(metrics: Metrics) {
  return createMiddleware<AppEnv>(async (c, next) => {
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
