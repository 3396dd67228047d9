import { createRoute } from '@hono/zod-openapi';
import type { OrderRefundsPort, OrderRepository } from '../../domain/ordering/ports';
import { bearerSecurity, problemResponse } from '../identity/identity-fields';
import type { Authenticate } from '../middleware/authenticate';
import { requireSellerAccess, sellerAccessOf } from '../middleware/authorize';
import { createRouter } from '../router';
import { sellerOrdersPage, sellerOrdersQuery } from './ordering.schemas';
import { sellerOrderJson } from './ordering-views';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

/** Fulfilment lists: a seller (or its manager with ORDERS, or an admin naming the seller) sees only that seller's parts. */
export function createSellerOrderRoutes(deps: {
  orders: OrderRepository;
  refunds?: OrderRefundsPort;
  authenticate: Authenticate;
}) {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/seller/orders',
      tags: ['ordering'],
      summary: 'Orders of the seller you act for: only its own part and lines, newest first',
      description:
        'Managers of several sellers name the seller with `X-Seller-Id`. The shipping address is shown once the order is paid.',
      security: bearerSecurity,
      middleware: [deps.authenticate, requireSellerAccess('ORDERS')],
      request: { query: sellerOrdersQuery },
      responses: {
        200: { description: 'a page of order parts', ...json(sellerOrdersPage) },
        400: problemResponse('VALIDATION_FAILED or SELLER_REQUIRED'),
        401: problemResponse('not signed in'),
        403: problemResponse('FORBIDDEN'),
      },
    }),
    async (c) => {
      const { cursor, size, status } = c.req.valid('query');
      const page = await deps.orders.listBySeller(sellerAccessOf(c).sellerId, {
        cursor,
        limit: size,
        status,
      });
      const items = await Promise.all(
        page.items.map(async (part) =>
          sellerOrderJson(part, (await deps.refunds?.ofOrder(part.orderId)) ?? []),
        ),
      );
      return c.json({ items, nextCursor: page.nextCursor }, 200);
    },
  );

  return router;
}
