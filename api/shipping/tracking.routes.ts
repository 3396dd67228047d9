import { createRoute } from '@hono/zod-openapi';
import { trackOrder } from '../../application/shipping/track-order';
import type { ShipmentRepository, ShippingOrderOwners } from '../../domain/shipping/ports';
import { bearerSecurity, problemResponse } from '../identity/identity-fields';
import type { Authenticate } from '../middleware/authenticate';
import { principalOf, requireRole } from '../middleware/authorize';
import { createRouter } from '../router';
import { orderIdParam, orderTrackingView } from './shipping.schemas';
import { trackedShipmentJson } from './shipping-views';

/** The buyer's delivery timeline: one shipment per seller part, each with its courier steps. */
export function createTrackingRoutes(deps: {
  shipments: ShipmentRepository;
  orders: ShippingOrderOwners;
  authenticate: Authenticate;
}) {
  const router = createRouter();
  router.openapi(
    createRoute({
      method: 'get',
      path: '/orders/{id}/tracking',
      tags: ['shipping'],
      summary: 'Where your parcels are: courier, invoice, status and every step, per seller',
      description:
        'Steps are in the courier’s time order; the status never moves back, whatever order the steps arrived in. Before a seller ships, its part shows AWAITING_INVOICE with no steps.',
      security: bearerSecurity,
      middleware: [deps.authenticate, requireRole('CONSUMER', 'ADMIN')],
      request: { params: orderIdParam },
      responses: {
        200: { description: 'the tracking', content: { 'application/json': { schema: orderTrackingView } } },
        401: problemResponse('not signed in'),
        403: problemResponse('FORBIDDEN'),
        404: problemResponse('ORDER_NOT_FOUND (also for another buyer’s order)'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const tracked = await trackOrder(deps, principalOf(c), id);
      const shipments = tracked.map(({ shipment, events }) => trackedShipmentJson(shipment, events));
      return c.json({ orderId: id, shipments }, 200);
    },
  );
  return router;
}
