import { Hono } from 'hono';
import type { Metrics } from '../platform/observability/metrics';

/** Liveness and metrics for a worker process, which serves no API. */
export function createWorkerHttpApp(healthy: () => boolean, metrics: Metrics) {
  return new Hono()
    .get('/healthz', (c) => (healthy() ? c.json({ status: 'ok' }) : c.json({ status: 'unhealthy' }, 503)))
    .get('/metrics', async (c) =>
      c.body(await metrics.registry.metrics(), 200, { 'content-type': metrics.registry.contentType }),
    );
}
