import { createRoute } from '@hono/zod-openapi';
import type { PointsLedger } from '../../domain/payment';
import type { Authenticate } from '../middleware/authenticate';
import { principalOf } from '../middleware/authorize';
import { createRouter } from '../router';
import { pointsQuery, pointsResponse } from './payment.schemas';

const points = createRoute({
  method: 'get',
  path: '/me/points',
  tags: ['me'],
  summary: 'My points (적립금): what I can spend, what unpaid orders hold, and the latest ledger entries',
  security: [{ bearerAuth: [] }],
  request: { query: pointsQuery },
  responses: {
    200: {
      description: 'balance and entries, newest first',
      content: { 'application/json': { schema: pointsResponse } },
    },
    401: { description: 'not signed in', content: { 'application/problem+json': { schema: {} } } },
  },
});

export function createPointsRoutes(deps: { points: PointsLedger; authenticate: Authenticate }) {
  const router = createRouter();
  router.use('/me/points', deps.authenticate);
  router.openapi(points, async (c) => {
    const { userId } = principalOf(c);
    const query = c.req.valid('query');
    const [balance, page] = await Promise.all([
      deps.points.balance(userId),
      deps.points.entries(userId, { limit: query.size, cursor: query.cursor }),
    ]);
    return c.json(
      {
        available: balance.available,
        held: balance.held,
        entries: page.items.map((e) => ({
          id: e.entryId,
          type: e.type,
          amount: e.amount,
          orderId: e.orderId ?? null,
          reference: e.reference ?? null,
          availableAfter: e.availableAfter,
          heldAfter: e.heldAfter,
          at: e.at,
        })),
        nextCursor: page.nextCursor,
      },
      200,
    );
  });
  return router;
}
