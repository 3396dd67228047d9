import { createRoute } from '@hono/zod-openapi';
import type { AdminOrderLookup } from '../../application/ordering/admin-order-lookup';
import { maskPhone } from '../../domain/identity/phone-number';
import type { Order } from '../../domain/ordering/order';
import { bearerSecurity, problemResponse } from '../identity/identity-fields';
import type { Authenticate } from '../middleware/authenticate';
import { requireRole } from '../middleware/authorize';
import { createRouter } from '../router';
import { adminOrdersPage, adminOrdersQuery, adminOrderView, orderNumberParam } from './admin-orders.schemas';
import { orderSummaryJson } from './ordering-views';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

const maskName = (name: string) => `${[...name][0] ?? ''}${'*'.repeat(Math.max(1, [...name].length - 1))}`;

/** An order as operators see it: the summary, the buyer's id, the address with the person masked. */
function adminOrderJson(order: Order) {
  const address = order.shippingAddress;
  return {
    ...orderSummaryJson(order),
    buyerId: order.userId,
    shippingAddress: address
      ? { ...address, recipient: maskName(address.recipient), phone: maskPhone(address.phone) }
      : null,
  };
}

/** Operators' order look-ups (CS): by number, by buyer, by status, seller and dates. */
export function createAdminOrderRoutes(deps: { lookup: AdminOrderLookup; authenticate: Authenticate }) {
  const router = createRouter();
  const adminOnly = [deps.authenticate, requireRole('ADMIN')];
  const denied = { 401: problemResponse('not signed in'), 403: problemResponse('FORBIDDEN: admins only') };

  router.openapi(
    createRoute({
      method: 'get',
      path: '/admin/orders',
      tags: ['admin'],
      summary: 'Find orders (filters combine; newest first)',
      description:
        'A buyer is found by the whole e-mail address or phone number through the keyed hash kept for look-ups: personal data is stored encrypted, so there is no prefix or partial search.',
      security: bearerSecurity,
      middleware: adminOnly,
      request: { query: adminOrdersQuery },
      responses: {
        200: { description: 'a page of orders', ...json(adminOrdersPage) },
        400: problemResponse('VALIDATION_FAILED naming the query field'),
        ...denied,
      },
    }),
    async (c) => {
      const { size, ...query } = c.req.valid('query');
      const page = await deps.lookup.list({ ...query, limit: size });
      return c.json({ items: page.items.map(adminOrderJson), nextCursor: page.nextCursor }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/admin/orders/by-number/{orderNumber}',
      tags: ['admin'],
      summary: 'An order by its number (JT…)',
      security: bearerSecurity,
      middleware: adminOnly,
      request: { params: orderNumberParam },
      responses: {
        200: { description: 'the order', ...json(adminOrderView) },
        400: problemResponse('VALIDATION_FAILED: not an order number'),
        ...denied,
        404: problemResponse('ORDER_NOT_FOUND'),
      },
    }),
    async (c) => c.json(adminOrderJson(await deps.lookup.byNumber(c.req.valid('param').orderNumber)), 200),
  );

  return router;
}
