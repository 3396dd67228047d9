import { createRoute } from '@hono/zod-openapi';
import type { ShipmentRepository } from '../../domain/shipping/ports';
import {
  IN_TRANSIT_STATUSES,
  TO_SHIP_STATUSES,
  type ShipmentStatus,
} from '../../domain/shipping/shipment-status';
import { bearerSecurity, problemResponse } from '../identity/identity-fields';
import type { Authenticate } from '../middleware/authenticate';
import { requireRole, requireSellerAccess, sellerAccessOf } from '../middleware/authorize';
import { createRouter } from '../router';
import {
  pageQuery,
  sellerShipmentsQuery,
  shipmentsPage,
  type SELLER_SHIPMENT_FILTERS,
} from './shipping.schemas';
import { shipmentSummaryJson } from './shipping-views';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

function statusesOf(filter: (typeof SELLER_SHIPMENT_FILTERS)[number] | undefined): readonly ShipmentStatus[] {
  if (filter === 'TO_SHIP') return TO_SHIP_STATUSES;
  if (filter === 'SHIPPING') return IN_TRANSIT_STATUSES;
  if (filter) return [filter];
  return [...TO_SHIP_STATUSES, ...IN_TRANSIT_STATUSES];
}

/** Fulfilment work lists: a seller's parts still to ship and on their way; the admins' stalled parcels. */
export function createSellerShipmentRoutes(deps: {
  shipments: ShipmentRepository;
  authenticate: Authenticate;
}) {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/seller/shipments',
      tags: ['shipping'],
      summary: 'Shipments of the seller you act for: still to ship, and on their way (oldest first)',
      description:
        'Managers need the ORDERS permission and name the seller with `X-Seller-Id` when they have several; admins name it the same way.',
      security: bearerSecurity,
      middleware: [deps.authenticate, requireSellerAccess('ORDERS')],
      request: { query: sellerShipmentsQuery },
      responses: {
        200: { description: 'a page of shipments', ...json(shipmentsPage) },
        400: problemResponse('VALIDATION_FAILED or SELLER_REQUIRED'),
        401: problemResponse('not signed in'),
        403: problemResponse('FORBIDDEN'),
      },
    }),
    async (c) => {
      const { cursor, size, status } = c.req.valid('query');
      const page = await deps.shipments.listBySeller(sellerAccessOf(c).sellerId, {
        statuses: statusesOf(status),
        cursor,
        limit: size,
      });
      return c.json({ items: page.items.map(shipmentSummaryJson), nextCursor: page.nextCursor }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/admin/shipments/stalled',
      tags: ['shipping'],
      summary: 'Parcels that have not moved for 14 days (oldest first)',
      security: bearerSecurity,
      middleware: [deps.authenticate, requireRole('ADMIN')],
      request: { query: pageQuery },
      responses: {
        200: { description: 'a page of stalled shipments', ...json(shipmentsPage) },
        400: problemResponse('VALIDATION_FAILED'),
        401: problemResponse('not signed in'),
        403: problemResponse('FORBIDDEN: admins only'),
      },
    }),
    async (c) => {
      const { cursor, size } = c.req.valid('query');
      const page = await deps.shipments.listStalled({ cursor, limit: size });
      return c.json({ items: page.items.map(shipmentSummaryJson), nextCursor: page.nextCursor }, 200);
    },
  );

  return router;
}
