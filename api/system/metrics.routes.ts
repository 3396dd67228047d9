import { Hono } from 'hono';
import type { Metrics } from '../../platform/observability/metrics';

export function createMetricsRoutes(metrics: Metrics) {
  return new Hono().get('/metrics', async (c) =>
    c.body(await metrics.registry.metrics(), 200, { 'content-type': metrics.registry.contentType }),
  );
}
