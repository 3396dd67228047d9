import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env';
import type { Logger } from '../../platform/observability/logger';
import { isWarmUpRequest, WARM_UP_HEADER_NAME } from '../../platform/warm-up-marker';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Gives each request an id (the caller's `X-Request-Id` when it is sane, else a new one), a child
 * logger carrying it, and one structured log line when the response is sent (none for the
 * process's own warm-up requests).
 */
export function requestContext(logger: Logger, newId: () => string) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : newId();
    const requestLogger = logger.child({ requestId });
    c.set('requestId', requestId);
    c.set('logger', requestLogger);
    c.header('X-Request-Id', requestId);
    const started = performance.now();
    await next();
    if (isWarmUpRequest(c.req.header(WARM_UP_HEADER_NAME))) return;
    const status = c.res.status;
    requestLogger[status >= 500 ? 'error' : 'info'](
      { method: c.req.method, path: c.req.path, status, durationMs: Math.round(performance.now() - started) },
      'request',
    );
  });
}
