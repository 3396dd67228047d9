import { createRoute } from '@hono/zod-openapi';
import type { Order } from '../../domain/ordering/order';
import type { OrderPlacementService } from '../../application/ordering/place-order';
import { bearerSecurity, problemResponse } from '../identity/identity-fields';
import type { Authenticate } from '../middleware/authenticate';
import { principalOf, requireRole } from '../middleware/authorize';
import { createRouter } from '../router';
import { placedOrderView, placeOrderBody } from './ordering.schemas';
import { placedOrderJson } from './ordering-views';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

/**
 * Called after the order and its reservation are stored, in the same request: starts
 * OrderLifecycle (idempotent by `order:<orderId>`, so a replayed request simply finds it) and
 * returns what the payment part of the answer adds (provider, checkoutUrl …).
 */
export type OnOrderPlaced = (order: Order, context: { created: boolean }) => Promise<Record<string, unknown>>;

/**
 * `POST /orders`, mounted by the ordering context (`contexts/ordering.context.ts`), whose `onPlaced` starts
 * OrderLifecycle in the same request.
 */
export function createOrderPlacementRoutes(deps: {
  placement: OrderPlacementService;
  authenticate: Authenticate;
  onPlaced: OnOrderPlaced;
}) {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'post',
      path: '/orders',
      tags: ['ordering'],
      summary: 'Place an order from the cart or from named items',
      description:
        'Amounts are computed by the server from current prices. Stock is reserved with the order in one transaction; payment is due within 30 minutes. ' +
        'Send an `Idempotency-Key` header: a repeat with the same key and body returns the same order (header `Idempotent-Replayed: true`) and creates nothing; the same key with another body is 422 IDEMPOTENCY_KEY_REUSED.',
      security: bearerSecurity,
      middleware: [deps.authenticate, requireRole('CONSUMER')],
      request: { body: { ...json(placeOrderBody), required: true } },
      responses: {
        201: {
          description: 'placed (or the replay of the first request with this Idempotency-Key)',
          ...json(placedOrderView),
        },
        400: problemResponse('VALIDATION_FAILED, POINTS_EXCEED_TOTAL, POINTS_NOT_COVERING_TOTAL'),
        401: problemResponse('not signed in'),
        403: problemResponse('FORBIDDEN: consumers only'),
        409: problemResponse(
          'OUT_OF_STOCK (variants: [{variantId, requested, available}]), PRODUCT_UNAVAILABLE, IDEMPOTENCY_KEY_IN_FLIGHT, POINTS_INSUFFICIENT',
        ),
        422: problemResponse('IDEMPOTENCY_KEY_REUSED, CART_EMPTY'),
      },
    }),
    async (c) => {
      const { order, created } = await deps.placement.place({
        userId: principalOf(c).userId,
        body: c.req.valid('json'),
        idempotencyKey: c.req.header('idempotency-key') ?? null,
      });
      const payment = await deps.onPlaced(order, { created });
      if (!created) c.header('Idempotent-Replayed', 'true');
      return c.json(placedOrderJson(order, payment), 201);
    },
  );

  return router;
}
