import { trace } from '@opentelemetry/api';
import { createMiddleware } from 'hono/factory';
import { routePath } from 'hono/route';
import type { AppEnv } from '../app-env';

/**
 * Names the request's server span after its route template (`POST /api/v1/orders/:orderId/cancel`),
 * which only the router knows; a no-op when tracing is off (docs/observability.md#tracing).
 */
export function traceRoute() {
  return createMiddleware<AppEnv>(async (c, next) => {
    const span = trace.getActiveSpan();
    try {
      await next();
    } finally {
      const route = routePath(c);
      if (span?.isRecording() && route !== '/*' && route !== '*') {
        span.updateName(`${c.req.method} ${route}`);
        span.setAttribute('http.route', route);
      }
    }
  });
}
