import { createRoute } from '@hono/zod-openapi';
import type { Client } from '@temporalio/client';
import { startOnce } from '../../platform/temporal/start-once';
import { chooseSettlementWeek } from '../../application/settlement/choose-settlement-week';
import { readSettlement } from '../../application/settlement/read-settlement';
import { recordRefundByOperator } from '../../application/settlement/record-refund-adjustment';
import { weekLabels, type SettlementStore } from '../../domain/settlement';
import {
  SETTLEMENT_TASK_QUEUE,
  weeklySettlementWorkflowId,
  type WeeklySettlementInput,
} from '../../workflows/settlement/settlement.messages';
import { bearerSecurity, problemResponse } from '../identity/identity-fields';
import type { Authenticate } from '../middleware/authenticate';
import { principalOf, requireRole } from '../middleware/authorize';
import { createRouter } from '../router';
import {
  adjustmentBody,
  adjustmentView,
  adminSettlementsQuery,
  runSettlementBody,
  runSettlementResponse,
  settlementDetail,
  settlementIdParam,
  settlementsPage,
} from './settlement.schemas';
import { adjustmentJson, settlementDetailJson, settlementSummaryJson } from './settlement-views';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

/** Operations: every settlement, a week run by hand, refunds recorded by CS. Admins only. */
export function createAdminSettlementRoutes(deps: {
  store: SettlementStore;
  temporal: () => Client;
  authenticate: Authenticate;
  newId: () => string;
  now: () => Date;
}) {
  const router = createRouter();
  const admin = {
    tags: ['admin', 'settlement'],
    security: bearerSecurity,
    middleware: [deps.authenticate, requireRole('ADMIN')],
  };
  const refused = {
    401: problemResponse('not signed in'),
    403: problemResponse('FORBIDDEN: admins only'),
  };

  router.openapi(
    createRoute({
      method: 'get',
      path: '/admin/settlements',
      ...admin,
      summary: 'Every settlement, newest first, by week, status or seller',
      request: { query: adminSettlementsQuery },
      responses: {
        200: { description: 'a page of settlements', ...json(settlementsPage) },
        400: problemResponse('VALIDATION_FAILED'),
        ...refused,
      },
    }),
    async (c) => {
      const { cursor, size, status, weekId, sellerId } = c.req.valid('query');
      const page = await deps.store.list({ sellerId, weekId, status, cursor, limit: size });
      return c.json({ items: page.items.map(settlementSummaryJson), nextCursor: page.nextCursor }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/admin/settlements/{id}',
      ...admin,
      summary: 'One settlement with its lines, payout and tax invoice',
      request: { params: settlementIdParam },
      responses: {
        200: { description: 'the settlement', ...json(settlementDetail) },
        ...refused,
        404: problemResponse('SETTLEMENT_NOT_FOUND'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(settlementDetailJson(await readSettlement(deps.store, id)), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/admin/settlements/run',
      ...admin,
      summary: 'Settle a chosen week now (idempotent: nothing is paid twice)',
      description:
        'Give `weekStart` (the Monday of the week, Asia/Seoul) or `cutoff` (the last week ended by then); neither settles the week that ended last. The week’s run has the workflow id `weekly-settlement:<week>`: while it runs, a repeat starts nothing; after it ended, a repeat runs the week again, which resumes unfinished payouts and pays nothing twice.',
      request: { body: { required: false, ...json(runSettlementBody) } },
      responses: {
        202: {
          description: 'the week’s run (started now, or already running)',
          ...json(runSettlementResponse),
        },
        400: problemResponse('VALIDATION_FAILED: not a Monday, both weekStart and cutoff…'),
        ...refused,
        422: problemResponse('SETTLEMENT_WEEK_NOT_ENDED'),
      },
    }),
    async (c) => {
      const body = (c.req.valid('json') as { weekStart?: string; cutoff?: string } | undefined) ?? {};
      const week = chooseSettlementWeek(body, deps.now());
      const workflowId = weeklySettlementWorkflowId(week.weekId);
      const input: WeeklySettlementInput = { weekId: week.weekId };
      const started = await startOnce(deps.temporal(), 'weeklySettlementWorkflow', {
        taskQueue: SETTLEMENT_TASK_QUEUE,
        workflowId,
        args: [input],
      });
      const [start, end] = weekLabels(week).period.split(' ~ ') as [string, string];
      return c.json(
        {
          weekId: week.weekId,
          workflowId,
          period: { start, end },
          cutoff: week.cutoff.toISOString(),
          started,
        },
        202,
      );
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/admin/settlements/adjustments',
      ...admin,
      summary: 'Record a refund (CS) to deduct from the seller’s next settlement, once per refund id',
      request: { body: { required: true, ...json(adjustmentBody) } },
      responses: {
        201: { description: 'recorded', ...json(adjustmentView) },
        200: { description: 'this refund id was recorded before (same values)', ...json(adjustmentView) },
        400: problemResponse('VALIDATION_FAILED'),
        ...refused,
        409: problemResponse('SETTLEMENT_ADJUSTMENT_CONFLICT: the refund id was recorded with other values'),
      },
    }),
    async (c) => {
      const { adjustment, created } = await recordRefundByOperator(
        deps,
        c.req.valid('json'),
        principalOf(c).userId,
      );
      return c.json(adjustmentJson(adjustment), created ? 201 : 200);
    },
  );

  return router;
}
