import { createRoute } from '@hono/zod-openapi';
import type { Client } from '@temporalio/client';
import { startOnce } from '../../platform/temporal/start-once';
import {
  lastEndedWeek,
  SettlementError,
  SettlementErrorCode,
  validateRefundAdjustment,
  weekLabels,
  weekStartingOn,
  type SettlementStore,
  type SettlementWeek,
} from '../../domain/settlement';
import {
  SETTLEMENT_TASK_QUEUE,
  weeklySettlementWorkflowId,
  type WeeklySettlementInput,
} from '../../workflows/settlement/settlement.messages';
import { bearerSecurity, problemResponse } from '../identity/identity-fields';
import type { Authenticate } from '../middleware/authenticate';
import { principalOf, requireRole } from '../middleware/authorize';
import { ProblemError } from '../problem';
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
  const admin = [deps.authenticate, requireRole('ADMIN')];

  router.openapi(
    createRoute({
      method: 'get',
      path: '/admin/settlements',
      tags: ['admin', 'settlement'],
      summary: 'Every settlement, newest first, by week, status or seller',
      security: bearerSecurity,
      middleware: admin,
      request: { query: adminSettlementsQuery },
      responses: {
        200: { description: 'a page of settlements', ...json(settlementsPage) },
        400: problemResponse('VALIDATION_FAILED'),
        401: problemResponse('not signed in'),
        403: problemResponse('FORBIDDEN: admins only'),
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
      tags: ['admin', 'settlement'],
      summary: 'One settlement with its lines, payout and tax invoice',
      security: bearerSecurity,
      middleware: admin,
      request: { params: settlementIdParam },
      responses: {
        200: { description: 'the settlement', ...json(settlementDetail) },
        401: problemResponse('not signed in'),
        403: problemResponse('FORBIDDEN: admins only'),
        404: problemResponse('SETTLEMENT_NOT_FOUND'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const settlement = await deps.store.get(id);
      if (!settlement) throw new SettlementError(SettlementErrorCode.NOT_FOUND, `No settlement ${id}.`);
      return c.json(settlementDetailJson(settlement), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/admin/settlements/run',
      tags: ['admin', 'settlement'],
      summary: 'Settle a chosen week now (idempotent: nothing is paid twice)',
      description:
        'Give `weekStart` (the Monday of the week, Asia/Seoul) or `cutoff` (the last week ended by then); neither settles the week that ended last. The week’s run has the workflow id `weekly-settlement:<week>`: while it runs, a repeat starts nothing; after it ended, a repeat runs the week again, which resumes unfinished payouts and pays nothing twice.',
      security: bearerSecurity,
      middleware: admin,
      request: { body: { required: false, ...json(runSettlementBody) } },
      responses: {
        202: {
          description: 'the week’s run (started now, or already running)',
          ...json(runSettlementResponse),
        },
        400: problemResponse('VALIDATION_FAILED: not a Monday, both weekStart and cutoff…'),
        401: problemResponse('not signed in'),
        403: problemResponse('FORBIDDEN: admins only'),
        422: problemResponse('SETTLEMENT_WEEK_NOT_ENDED'),
      },
    }),
    async (c) => {
      const body = (c.req.valid('json') as { weekStart?: string; cutoff?: string } | undefined) ?? {};
      const week = chosenWeek(body, deps.now());
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
      tags: ['admin', 'settlement'],
      summary: 'Record a refund (CS) to deduct from the seller’s next settlement, once per refund id',
      security: bearerSecurity,
      middleware: admin,
      request: { body: { required: true, ...json(adjustmentBody) } },
      responses: {
        201: { description: 'recorded', ...json(adjustmentView) },
        200: { description: 'this refund id was recorded before (same values)', ...json(adjustmentView) },
        400: problemResponse('VALIDATION_FAILED'),
        401: problemResponse('not signed in'),
        403: problemResponse('FORBIDDEN: admins only'),
        409: problemResponse('SETTLEMENT_ADJUSTMENT_CONFLICT: the refund id was recorded with other values'),
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const now = deps.now();
      const at = body.at ? new Date(body.at) : now;
      if (at.getTime() > now.getTime())
        throw new ProblemError('VALIDATION_FAILED', 'json.at: a refund cannot happen in the future', {
          errors: [{ field: 'json.at', message: 'must not be in the future' }],
        });
      validateRefundAdjustment({ ...body, at: at.toISOString() });
      const { adjustment, created } = await deps.store.recordAdjustment({
        id: deps.newId(),
        refundId: body.refundId,
        sellerId: body.sellerId,
        orderId: body.orderId,
        amount: body.amount,
        reason: body.reason,
        occurredAt: at,
        recordedAt: now,
        recordedBy: principalOf(c).userId,
        settlementId: null,
      });
      return c.json(adjustmentJson(adjustment), created ? 201 : 200);
    },
  );

  return router;
}

function chosenWeek(body: { weekStart?: string; cutoff?: string }, now: Date): SettlementWeek {
  if (body.weekStart && body.cutoff)
    throw new ProblemError('VALIDATION_FAILED', 'Give weekStart or cutoff, not both.', {
      errors: [{ field: 'json.cutoff', message: 'cannot be combined with weekStart' }],
    });
  const week = body.weekStart
    ? weekStartingOn(body.weekStart, 'json.weekStart')
    : lastEndedWeek(body.cutoff ? new Date(body.cutoff) : now);
  if (week.cutoff.getTime() > now.getTime())
    throw new SettlementError(
      SettlementErrorCode.WEEK_NOT_ENDED,
      `Week ${week.weekId} ends at ${week.cutoff.toISOString()}; it can be settled from then on.`,
      { weekId: week.weekId, cutoff: week.cutoff.toISOString() },
    );
  return week;
}
