import { createRoute } from '@hono/zod-openapi';
import { adjustPoints, readMyPoints, type PointsDeps } from '../../application/payment/points';
import type { Authenticate } from '../middleware/authenticate';
import { principalOf, requireRole } from '../middleware/authorize';
import { createRouter } from '../router';
import { problemReply } from './payment.schemas';
import {
  adjustPointsBody,
  adjustPointsResponse,
  pointsQuery,
  pointsResponse,
  userIdParam,
} from './points.schemas';

const security = [{ bearerAuth: [] }];

const points = createRoute({
  method: 'get',
  path: '/me/points',
  tags: ['me'],
  summary: 'My points (적립금): what I can spend, what unpaid orders hold, what expires soon, and my ledger',
  security,
  request: { query: pointsQuery },
  responses: {
    200: {
      description: 'balance and entries, newest first',
      content: { 'application/json': { schema: pointsResponse } },
    },
    401: problemReply('not signed in'),
  },
});

const adjust = createRoute({
  method: 'post',
  path: '/admin/users/{id}/points',
  tags: ['admin'],
  summary: "Grant (amount > 0) or deduct (amount < 0) a member's points, with a reason the member sees",
  security,
  request: {
    params: userIdParam,
    body: { content: { 'application/json': { schema: adjustPointsBody } }, required: true },
  },
  responses: {
    200: {
      description: 'the balance after the change',
      content: { 'application/json': { schema: adjustPointsResponse } },
    },
    400: problemReply('amount not a non-zero whole number, or no reason'),
    401: problemReply('not signed in'),
    403: problemReply('admins only'),
    404: problemReply('no such user (USER_NOT_FOUND)'),
    409: problemReply('deduction larger than the available balance (POINTS_INSUFFICIENT, with `available`)'),
  },
});

export function createPointsRoutes(
  deps: PointsDeps & { authenticate: Authenticate; userExists(userId: string): Promise<boolean> },
) {
  const router = createRouter();
  router.use('/me/points', deps.authenticate);
  router.use('/admin/users/:id/points', deps.authenticate, requireRole('ADMIN'));
  router.openapi(points, async (c) => {
    const { userId } = principalOf(c);
    const query = c.req.valid('query');
    const { balance, expiring, entries } = await readMyPoints(deps, userId, {
      limit: query.size,
      cursor: query.cursor,
    });
    return c.json(
      {
        available: balance.available,
        held: balance.held,
        expiringSoon: expiring,
        entries: entries.items.map((e) => ({
          id: e.entryId,
          type: e.type,
          amount: e.amount,
          orderId: e.orderId ?? null,
          reference: e.reference ?? null,
          reason: e.reason ?? null,
          availableAfter: e.availableAfter,
          heldAfter: e.heldAfter,
          at: e.at,
        })),
        nextCursor: entries.nextCursor,
      },
      200,
    );
  });
  router.openapi(adjust, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const balance = await adjustPoints(deps, { userId: id, amount: body.amount, reason: body.reason });
    return c.json(balance, 200);
  });
  return router;
}
