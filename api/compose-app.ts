import type { OpenAPIHono } from '@hono/zod-openapi';
import { uuidv7 } from '../platform/ids';
import type { Infrastructure } from '../platform/infrastructure';
import type { Logger } from '../platform/observability/logger';
import type { Metrics } from '../platform/observability/metrics';
import type { AppEnv } from './app-env';
import { createApp } from './app';

export interface ApiRuntime {
  infrastructure: Infrastructure;
  logger: Logger;
  metrics: Metrics;
  publicBaseUrl: string;
}

/** Wires every context's routes over the shared infrastructure; used by every process that serves HTTP. */
export function composeApp(runtime: ApiRuntime): OpenAPIHono<AppEnv> {
  return createApp({
    logger: runtime.logger,
    metrics: runtime.metrics,
    newId: () => uuidv7(),
    readinessChecks: runtime.infrastructure.readinessChecks,
    apiRoutes: [],
  });
}
