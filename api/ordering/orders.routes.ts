import { createRoute } from '@hono/zod-openapi';
import { orderNotFound } from '../../domain/ordering/ordering-errors';
import type { AfterSaleStore, OrderRefundsPort, OrderRepository } from '../../domain/ordering/ports';
import { bearerSecurity, problemResponse } from '../identity/identity-fields';
import type { Authenticate } from '../middleware/authenticate';
import { principalOf, requireRole } from '../middleware/authorize';
import { createRouter } from '../router';
import { orderDetailView, orderIdParam, ordersPage, pageQuery } from './ordering.schemas';
import { orderDetailJson, orderSummaryJson } from './ordering-views';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

/** A buyer's orders (an admin may read any one, for customer service). */
export function createOrderRoutes(deps: {
  orders: OrderRepository;
  refunds?: OrderRefundsPort;
  returns?: Pick<AfterSaleStore, 'returnsOf'>;
  authenticate: Authenticate;
}) {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/orders',
      tags: ['ordering'],
      summary: 'Your orders, newest first',
      security: bearerSecurity,
      middleware: [deps.authenticate, requireRole('CONSUMER')],
      request: { query: pageQuery },
      responses: {
        200: { description: 'a page of orders', ...json(ordersPage) },
        400: problemResponse('VALIDATION_FAILED'),
        401: problemResponse('not signed in'),
        403: problemResponse('FORBIDDEN: consumers only'),
      },
    }),
    async (c) => {
      const { cursor, size } = c.req.valid('query');
      const page = await deps.orders.listByUser(principalOf(c).userId, { cursor, limit: size });
      return c.json({ items: page.items.map(orderSummaryJson), nextCursor: page.nextCursor }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/orders/{id}',
      tags: ['ordering'],
      summary: 'One of your orders: status, amounts, lines, each seller’s part and the timeline',
      security: bearerSecurity,
      middleware: [deps.authenticate, requireRole('CONSUMER', 'ADMIN')],
      request: { params: orderIdParam },
      responses: {
        200: { description: 'the order', ...json(orderDetailView) },
        401: problemResponse('not signed in'),
        403: problemResponse('FORBIDDEN'),
        404: problemResponse('ORDER_NOT_FOUND (also for another buyer’s order)'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const principal = principalOf(c);
      const order = await deps.orders.findById(id);
      if (!order || (principal.role !== 'ADMIN' && order.userId !== principal.userId))
        throw orderNotFound(id);
      const [history, refunds, returns] = await Promise.all([
        deps.orders.history(id),
        deps.refunds?.ofOrder(id) ?? [],
        deps.returns?.returnsOf(id) ?? [],
      ]);
      const viewer = principal.role === 'ADMIN' ? 'ADMIN' : 'BUYER';
      return c.json(orderDetailJson(order, history, refunds, returns, viewer), 200);
    },
  );

  return router;
}
