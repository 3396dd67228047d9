import { createRoute } from '@hono/zod-openapi';
import type { AdminOrderLookup } from '../../application/ordering/admin-order-lookup';
import { maskPhone } from '../../domain/identity/phone-number';
import type { Order } from '../../domain/ordering/order';
import type { OrderHistoryEntry } from '../../domain/ordering/order-history';
import { orderWorkflowId } from '../../domain/ordering/workflow-ids';
import { temporalUiUrlOf, type TemporalUiLink } from './temporal-ui-link';
import { bearerSecurity, problemResponse } from '../identity/identity-fields';
import type { Authenticate } from '../middleware/authenticate';
import { requireRole } from '../middleware/authorize';
import { createRouter } from '../router';
import {
  adminOrderDetailView,
  adminOrdersPage,
  adminOrdersQuery,
  orderNumberParam,
} from './admin-orders.schemas';
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
export function createAdminOrderRoutes(deps: {
  lookup: AdminOrderLookup;
  /** The order's status history (the timeline). */
  history: (orderId: string) => Promise<OrderHistoryEntry[]>;
  temporalUi?: TemporalUiLink;
  authenticate: Authenticate;
}) {
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
      summary:
        'An order by its number (JT…), with its timeline and a link to its workflows in the Temporal UI',
      security: bearerSecurity,
      middleware: adminOnly,
      request: { params: orderNumberParam },
      responses: {
        200: { description: 'the order', ...json(adminOrderDetailView) },
        400: problemResponse('VALIDATION_FAILED: not an order number'),
        ...denied,
        404: problemResponse('ORDER_NOT_FOUND'),
      },
    }),
    async (c) => {
      const order = await deps.lookup.byNumber(c.req.valid('param').orderNumber);
      const history = await deps.history(order.id);
      return c.json(
        {
          ...adminOrderJson(order),
          timeline: history.map((entry) => ({
            status: entry.toStatus,
            at: entry.at.toISOString(),
            sellerId: entry.sellerId,
            command: entry.command,
          })),
          workflows: {
            orderWorkflowId: orderWorkflowId(order.id),
            temporalUiUrl: temporalUiUrlOf(deps.temporalUi, order.orderNumber),
          },
        },
        200,
      );
    },
  );

  return router;
}
