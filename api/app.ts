import type { OpenAPIHono } from '@hono/zod-openapi';
import type { IdGenerator } from '../platform/ids';
import type { Logger } from '../platform/observability/logger';
import type { Metrics } from '../platform/observability/metrics';
import type { AppEnv } from './app-env';
import { errorHandler } from './error-handler';
import { allowedMethodsFinder } from './method-not-allowed';
import { bodyGuard } from './middleware/body-guard';
import { httpMetrics } from './middleware/http-metrics';
import { corsPolicy, securityHeaders } from './middleware/security-headers';
import { requestContext } from './middleware/request-context';
import { traceRoute } from './middleware/trace-route';
import { problem } from './problem';
import { createRouter } from './router';
import { createConsoleRoutes } from './system/console.routes';
import { createDocsRoutes } from './system/docs.routes';
import { createHealthRoutes, createLivenessRoutes } from './system/health.routes';
import { createMetricsRoutes } from './system/metrics.routes';
import type { ReadinessCheck } from '../platform/readiness-check';

export const API_BASE_PATH = '/api/v1';
export const OPENAPI_PATH = `${API_BASE_PATH}/openapi.json`;

export interface AppDeps {
  logger: Logger;
  metrics: Metrics;
  newId: IdGenerator;
  readinessChecks: ReadinessCheck[];
  /** Context routers, mounted under /api/v1 in order. */
  apiRoutes: OpenAPIHono<AppEnv>[];
  /** /readyz and /metrics left to the ops app (api/system/ops.app.ts), as production serves them on OPS_PORT. */
  opsApart?: boolean;
  /** PUBLIC_BASE_URL (HSTS when https) and CORS_ORIGINS (none: no CORS headers). */
  http?: { publicBaseUrl?: string; corsOrigins?: readonly string[] };
}

export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = createRouter();
  app.use('*', requestContext(deps.logger, deps.newId));
  app.use('*', traceRoute());
  app.use('*', httpMetrics(deps.metrics));
  app.use('*', securityHeaders({ publicBaseUrl: deps.http?.publicBaseUrl }));
  app.use('*', corsPolicy(deps.http?.corsOrigins ?? []));
  app.use('*', bodyGuard());
  app.onError(errorHandler);
  const allowedMethods = allowedMethodsFinder(() => app.routes);
  app.notFound((c) => {
    const allow = allowedMethods(c.req.path);
    if (allow.length === 0)
      return problem(c, 404, 'ROUTE_NOT_FOUND', `No route for ${c.req.method} ${c.req.path}`);
    c.header('Allow', allow.join(', '));
    return problem(
      c,
      405,
      'METHOD_NOT_ALLOWED',
      `${c.req.method} is not allowed here; use ${allow.join(', ')}.`,
      {
        allow,
      },
    );
  });

  if (deps.opsApart) {
    app.route('/', createLivenessRoutes());
  } else {
    app.route('/', createHealthRoutes(deps.readinessChecks));
    app.route('/', createMetricsRoutes(deps.metrics));
  }
  for (const routes of deps.apiRoutes) app.route(API_BASE_PATH, routes);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  });
  app.doc31(OPENAPI_PATH, {
    openapi: '3.1.0',
    info: {
      title: 'Jangteo API',
      version: '1.0.0',
      description:
        'Jangteo (장터): shops for small Korean merchants. Errors are RFC 9457 problem+json with a stable `code`.',
    },
  });
  app.route('/', createDocsRoutes(OPENAPI_PATH));
  app.route('/', createConsoleRoutes());
  return app;
}
