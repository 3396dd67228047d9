import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router';
import type { ReadinessCheck } from '../../platform/readiness-check';
import { runReadinessChecks } from './readiness';

const dependencyStatus = z.object({
  status: z.enum(['up', 'down']),
  required: z.boolean(),
  latencyMs: z.number().int(),
  error: z.string().optional(),
});
const readinessBody = z.object({
  status: z.enum(['ready', 'degraded', 'not_ready']),
  checks: z.record(z.string(), dependencyStatus),
});

const liveness = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['system'],
  summary: 'Liveness: the process is running',
  responses: {
    200: {
      description: 'alive',
      content: { 'application/json': { schema: z.object({ status: z.literal('ok') }) } },
    },
  },
});

const readiness = createRoute({
  method: 'get',
  path: '/readyz',
  tags: ['system'],
  summary:
    'Readiness: the database answers; Redis and Temporal reported on their own (degraded, not failing)',
  responses: {
    200: {
      description: 'ready, or degraded (an optional dependency is down; requests still succeed)',
      content: { 'application/json': { schema: readinessBody } },
    },
    503: {
      description: 'a required dependency (the database) is down',
      content: { 'application/json': { schema: readinessBody } },
    },
  },
});

export function createHealthRoutes(checks: ReadinessCheck[]) {
  return createRouter()
    .openapi(liveness, (c) => c.json({ status: 'ok' as const }, 200))
    .openapi(readiness, async (c) => {
      const result = await runReadinessChecks(checks);
      const body = { status: result.status, checks: result.checks };
      return result.ready ? c.json(body, 200) : c.json(body, 503);
    });
}

/** Liveness alone: the public app when readiness is served on the internal ops port (api/system/ops.app.ts). */
export function createLivenessRoutes() {
  return createRouter().openapi(liveness, (c) => c.json({ status: 'ok' as const }, 200));
}
