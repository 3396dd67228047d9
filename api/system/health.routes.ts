import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router';
import type { ReadinessCheck } from '../../platform/readiness-check';
import { runReadinessChecks } from './readiness';

const dependencyStatus = z.object({
  status: z.enum(['up', 'down']),
  latencyMs: z.number().int(),
  error: z.string().optional(),
});
const readinessBody = z.object({
  status: z.enum(['ready', 'not_ready']),
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
  summary: 'Readiness: database, cache and Temporal answer, each reported on its own',
  responses: {
    200: { description: 'ready', content: { 'application/json': { schema: readinessBody } } },
    503: { description: 'a dependency is down', content: { 'application/json': { schema: readinessBody } } },
  },
});

export function createHealthRoutes(checks: ReadinessCheck[]) {
  return createRouter()
    .openapi(liveness, (c) => c.json({ status: 'ok' as const }, 200))
    .openapi(readiness, async (c) => {
      const result = await runReadinessChecks(checks);
      const body = {
        status: result.ready ? ('ready' as const) : ('not_ready' as const),
        checks: result.checks,
      };
      return result.ready ? c.json(body, 200) : c.json(body, 503);
    });
}
