import { createRoute } from '@hono/zod-openapi';
import type { Client } from '@temporalio/client';
import { kpiRange, kpiRangeReport, MAX_KPI_RANGE_DAYS } from '../../application/kpi/kpi-report';
import type { KpiReadModel } from '../../domain/kpi/ports';
import { dayCount, type SeoulDay } from '../../domain/kpi/seoul-day';
import { DomainError } from '../../domain/shared/domain-error';
import { KPI_TASK_QUEUE, kpiBackfillWorkflowId, type KpiRollupInput } from '../../workflows/kpi/kpi.messages';
import { bearerSecurity, problemResponse } from '../identity/identity-fields';
import type { Authenticate } from '../middleware/authenticate';
import { requireRole } from '../middleware/authorize';
import { createRouter } from '../router';
import { kpiRangeBody, kpiRangeQuery, kpiReportResponse, kpiRollupResponse } from './kpi.schemas';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

function checkedRange(range: { from: SeoulDay; to: SeoulDay }, where: 'query' | 'body') {
  const invalid = (field: 'from' | 'to', message: string) =>
    new DomainError('VALIDATION_FAILED', `${where}.${field}: ${message}`, {
      errors: [{ field: `${where}.${field}`, message }],
    });
  if (range.from > range.to) throw invalid('from', 'must not be after to');
  if (dayCount(range.from, range.to) > MAX_KPI_RANGE_DAYS)
    throw invalid('to', `the range is at most ${MAX_KPI_RANGE_DAYS} days`);
  return range;
}

/** KPIs for admins (docs/kpis.md): read from the daily aggregates, never from the orders. */
export function createAdminKpiRoutes(deps: {
  readModel: KpiReadModel;
  temporal: () => Client;
  authenticate: Authenticate;
  newId: () => string;
  now: () => Date;
}) {
  const router = createRouter();
  const admin = {
    tags: ['admin', 'kpi'],
    security: bearerSecurity,
    middleware: [deps.authenticate, requireRole('ADMIN')],
  };
  const refused = {
    400: problemResponse(
      'VALIDATION_FAILED: a day that is not YYYY-MM-DD, from after to, or a range over 366 days',
    ),
    401: problemResponse('not signed in'),
    403: problemResponse('FORBIDDEN: admins only'),
  };

  router.openapi(
    createRoute({
      method: 'get',
      path: '/admin/kpis',
      ...admin,
      summary: 'Conversion, average order value, repurchase, payment success, cancellations and returns',
      description:
        'Days in Asia/Seoul, both included; default the last 7 days. Each KPI beside its target, with its numerator and denominator. Figures come from daily aggregates refreshed every 10 minutes.',
      request: { query: kpiRangeQuery },
      responses: { 200: { description: 'the KPIs of the range', ...json(kpiReportResponse) }, ...refused },
    }),
    async (c) => {
      const range = checkedRange(kpiRange(c.req.valid('query'), deps.now()), 'query');
      return c.json(await kpiRangeReport(deps.readModel, range), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/admin/kpis/rollups',
      ...admin,
      summary: 'Recompute the daily aggregates of a range (a backfill)',
      request: { body: { required: true, ...json(kpiRangeBody) } },
      responses: { 202: { description: 'the backfill started', ...json(kpiRollupResponse) }, ...refused },
    }),
    async (c) => {
      const range = checkedRange(c.req.valid('json'), 'body');
      const workflowId = kpiBackfillWorkflowId(range.from, range.to, deps.newId());
      const input: KpiRollupInput = range;
      await deps.temporal().workflow.start('kpiRollupWorkflow', {
        taskQueue: KPI_TASK_QUEUE,
        workflowId,
        args: [input],
      });
      return c.json({ workflowId, ...range }, 202);
    },
  );
  return router;
}
