import { Hono } from 'hono';
import type { Metrics } from '../../platform/observability/metrics';
import type { ReadinessCheck } from '../../platform/readiness-check';
import { createHealthRoutes } from './health.routes';
import { createMetricsRoutes } from './metrics.routes';

/**
 * The operations endpoints on their own port (OPS_PORT), which only the cluster reaches: readiness
 * names every dependency and its error, and metrics describe traffic, so neither is for the public
 * (docs/security.md#operations-endpoints).
 */
export function createOpsApp(deps: { metrics: Metrics; readinessChecks: ReadinessCheck[] }) {
  return new Hono()
    .route('/', createHealthRoutes(deps.readinessChecks))
    .route('/', createMetricsRoutes(deps.metrics));
}
