import { createRoute, z } from '@hono/zod-openapi';
import type { ExchangeStore } from '../../domain/ordering/exchange-ports';
import { orderNotFound } from '../../domain/ordering/ordering-errors';
import type { AfterSaleStore, OrderRefundsPort, OrderRepository } from '../../domain/ordering/ports';
import { bearerSecurity, problemResponse } from '../identity/identity-fields';
import type { Authenticate } from '../middleware/authenticate';
import { principalOf, requireRole } from '../middleware/authorize';
import { createRouter } from '../router';
import { exchangeView } from './exchange.schemas';
import { exchangeJson } from './exchange-views';
import { orderDetailView, orderIdParam, ordersPage, pageQuery } from './ordering.schemas';
import { orderDetailJson, orderSummaryJson } from './ordering-views';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

const orderWithExchanges = orderDetailView
  .extend({ exchanges: z.array(exchangeView).openapi({ description: 'Exchanges of the order (교환)' }) })
  .openapi('OrderDetailWithExchanges');

/** A buyer's orders (an admin may read any one, for customer service). */
export function createOrderRoutes(deps: {
  orders: OrderRepository;
  refunds?: OrderRefundsPort;
  returns?: Pick<AfterSaleStore, 'returnsOf'>;
  exchanges?: Pick<ExchangeStore, 'exchangesOf' | 'trackingOf'>;
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
        200: { description: 'the order', ...json(orderWithExchanges) },
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
      const [history, refunds, returns, exchanges] = await Promise.all([
        deps.orders.history(id),
        deps.refunds?.ofOrder(id) ?? [],
        deps.returns?.returnsOf(id) ?? [],
        deps.exchanges?.exchangesOf(id) ?? [],
      ]);
      const tracking = (await deps.exchanges?.trackingOf(exchanges.map((e) => e.id))) ?? new Map();
      const viewer = principal.role === 'ADMIN' ? 'ADMIN' : 'BUYER';
      return c.json(
        {
          ...orderDetailJson(order, history, refunds, returns, viewer),
          exchanges: exchanges.map((e) =>
            exchangeJson(e, order.orderNumber, tracking.get(e.id) ?? null, 'BUYER'),
          ),
        },
        200,
      );
    },
  );

  return router;
}
