import { createRoute } from '@hono/zod-openapi';
import type { OrderReturnRecord } from '../../domain/ordering/after-sale';
import type { Order } from '../../domain/ordering/order';
import type { AfterSaleStore, OrderRepository } from '../../domain/ordering/ports';
import { bearerSecurity, problemResponse } from '../identity/identity-fields';
import type { Authenticate } from '../middleware/authenticate';
import { requireSellerAccess, sellerAccessOf } from '../middleware/authorize';
import { createRouter } from '../router';
import { sellerReturnsPage, sellerReturnsQuery } from './seller-returns.schemas';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

const optionText = (options: Record<string, string>) =>
  Object.entries(options)
    .map(([name, value]) => `${name}: ${value}`)
    .join(' / ');

const actions: Array<'APPROVE' | 'REJECT'> = ['APPROVE', 'REJECT'];

/** One return as its seller works on it: what comes back, why, and of which order. */
export function sellerReturnJson(request: OrderReturnRecord, order: Order | null) {
  const lines = order?.parts.find((part) => part.sellerId === request.sellerId)?.lines ?? [];
  const named = request.returnedLineIds?.length ? request.returnedLineIds : null;
  return {
    returnId: request.id,
    orderId: request.orderId,
    orderNumber: order?.orderNumber ?? '',
    status: request.status,
    reason: request.reason,
    reasonCode: request.reasonCode,
    items: lines
      .filter((line) => !named || named.includes(line.id))
      .map((line) => ({
        orderLineId: line.id,
        productName: line.productName,
        options: line.options,
        optionText: optionText(line.options),
        quantity: line.quantity,
      })),
    requestedAt: request.requestedAt.toISOString(),
    decidedAt: request.decidedAt?.toISOString() ?? null,
    decisionReason: request.decisionReason,
    refundAmount: request.refundAmount,
    deductionAmount: request.deductionAmount,
    allowedActions: request.status === 'REQUESTED' ? actions : [],
  };
}

/** The returns of the seller one acts for (the seller, its managers with ORDERS, an admin naming it). */
export function createSellerReturnRoutes(deps: {
  orders: Pick<OrderRepository, 'findById'>;
  afterSale: Pick<AfterSaleStore, 'returnsOfSeller'>;
  authenticate: Authenticate;
}) {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/seller/returns',
      tags: ['ordering'],
      summary: 'Returns of the seller you act for, newest request first',
      description:
        'Each with its reason, the lines returned (product name, option, quantity) and the buyer’s order number. ' +
        'Decide the REQUESTED ones with POST /seller/returns/{id}/approve or /reject. Managers of several sellers name the seller with `X-Seller-Id`.',
      security: bearerSecurity,
      middleware: [deps.authenticate, requireSellerAccess('ORDERS')],
      request: { query: sellerReturnsQuery },
      responses: {
        200: { description: 'a page of returns', ...json(sellerReturnsPage) },
        400: problemResponse('VALIDATION_FAILED (status, cursor, size) or SELLER_REQUIRED'),
        401: problemResponse('not signed in'),
        403: problemResponse('FORBIDDEN: not a seller, or a manager without ORDERS'),
      },
    }),
    async (c) => {
      const { cursor, size, status } = c.req.valid('query');
      const page = await deps.afterSale.returnsOfSeller(sellerAccessOf(c).sellerId, {
        status,
        cursor,
        limit: size,
      });
      const orders = new Map<string, Order | null>();
      for (const request of page.items)
        if (!orders.has(request.orderId))
          orders.set(request.orderId, await deps.orders.findById(request.orderId));
      const items = page.items.map((request) => sellerReturnJson(request, orders.get(request.orderId)!));
      return c.json({ items, nextCursor: page.nextCursor }, 200);
    },
  );

  return router;
}
