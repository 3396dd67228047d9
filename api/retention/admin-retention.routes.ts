import { createRoute, z } from '@hono/zod-openapi';
import type { Client } from '@temporalio/client';
import {
  manualRetentionWorkflowId,
  RETENTION_TASK_QUEUE,
  type DataRetentionInput,
  type DataRetentionReport,
} from '../../workflows/retention/retention.messages';
import { bearerSecurity, problemResponse } from '../identity/identity-fields';
import type { Authenticate } from '../middleware/authenticate';
import { requireRole } from '../middleware/authorize';
import { createRouter } from '../router';

const runBody = z
  .object({
    dryRun: z.boolean().default(true).openapi({
      description: 'true (the default): count what would be deleted, delete nothing; false: delete',
    }),
  })
  .strict()
  .openapi('RetentionRunRequest');

const runResponse = z
  .object({
    workflowId: z.string().openapi({ example: 'data-retention:manual:01938c1e-…' }),
    dryRun: z.boolean(),
    finished: z
      .boolean()
      .openapi({ description: 'false: still running; see the log line or the Temporal UI' }),
    orderCutoff: z.string().optional().openapi({ description: 'orders placed before this instant' }),
    notificationCutoff: z.string().optional(),
    counts: z
      .record(z.string(), z.number().int())
      .optional()
      .openapi({ description: 'rows by table deleted, or in a dry run that would be' }),
  })
  .openapi('RetentionRunResponse');

/** How long a dry run is waited for before the answer is 202 with only the workflow id. */
const DRY_RUN_WAIT_MS = 60_000;

/** Operations: the data-retention run by hand, a dry run answering its counts (docs/retention.md). */
export function createAdminRetentionRoutes(deps: {
  temporal: () => Client;
  authenticate: Authenticate;
  newId: () => string;
}) {
  const router = createRouter();
  router.openapi(
    createRoute({
      method: 'post',
      path: '/admin/retention/runs',
      tags: ['admin', 'retention'],
      security: bearerSecurity,
      middleware: [deps.authenticate, requireRole('ADMIN')],
      summary: 'Run data retention now; a dry run answers what it would delete',
      description:
        'Orders finished and placed more than RETENTION_ORDER_YEARS ago, with every row of theirs, and notification logs older than RETENTION_NOTIFICATION_DAYS. A dry run (the default) deletes nothing and answers the counts by table when it finishes within a minute.',
      request: { body: { required: false, content: { 'application/json': { schema: runBody } } } },
      responses: {
        200: {
          description: 'the dry run finished',
          content: { 'application/json': { schema: runResponse } },
        },
        202: { description: 'the run started', content: { 'application/json': { schema: runResponse } } },
        400: problemResponse('VALIDATION_FAILED'),
        401: problemResponse('not signed in'),
        403: problemResponse('FORBIDDEN: admins only'),
      },
    }),
    async (c) => {
      const { dryRun } = (c.req.valid('json') as { dryRun: boolean } | undefined) ?? { dryRun: true };
      const workflowId = manualRetentionWorkflowId(deps.newId());
      const input: DataRetentionInput = { dryRun };
      const handle = await deps.temporal().workflow.start('dataRetentionWorkflow', {
        taskQueue: RETENTION_TASK_QUEUE,
        workflowId,
        args: [input],
      });
      const started = { workflowId, dryRun, finished: false };
      if (!dryRun) return c.json(started, 202);
      let timer: NodeJS.Timeout | undefined;
      const report = await Promise.race([
        handle.result() as Promise<DataRetentionReport>,
        new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), DRY_RUN_WAIT_MS))),
      ]).finally(() => clearTimeout(timer));
      if (!report) return c.json(started, 202);
      const { orderCutoff, notificationCutoff } = report.plan;
      return c.json(
        { ...started, finished: true, orderCutoff, notificationCutoff, counts: report.counts },
        200,
      );
    },
  );
  return router;
}
