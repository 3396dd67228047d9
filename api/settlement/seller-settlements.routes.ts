import { createRoute } from '@hono/zod-openapi';
import { readSettlement } from '../../application/settlement/read-settlement';
import type { SettlementStore } from '../../domain/settlement';
import { bearerSecurity, problemResponse } from '../identity/identity-fields';
import type { Authenticate } from '../middleware/authenticate';
import { requireRole, requireSellerAccess, sellerAccessOf } from '../middleware/authorize';
import { createRouter } from '../router';
import {
  sellerSettlementsQuery,
  settlementDetail,
  settlementIdParam,
  settlementsPage,
} from './settlement.schemas';
import { settlementDetailJson, settlementSummaryJson } from './settlement-views';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

/**
 * A seller's statements: the seller, its managers with SETTLEMENTS_READ, or an admin naming the
 * seller with X-Seller-Id. Another seller's settlement is a 404, never its data.
 */
export function createSellerSettlementRoutes(deps: { store: SettlementStore; authenticate: Authenticate }) {
  const router = createRouter();
  // Consumers are refused outright (403) rather than asked which seller they act for.
  const access = [requireRole('SELLER', 'MANAGER', 'ADMIN'), requireSellerAccess('SETTLEMENTS_READ')];

  router.openapi(
    createRoute({
      method: 'get',
      path: '/seller/settlements',
      tags: ['settlement'],
      summary: 'Weekly settlements of the seller you act for, newest first',
      description:
        'Each week with something to settle has one settlement: paid out when the net reaches 10,000 won, carried over otherwise. Managers of several sellers name the seller with `X-Seller-Id`.',
      security: bearerSecurity,
      middleware: [deps.authenticate, ...access],
      request: { query: sellerSettlementsQuery },
      responses: {
        200: { description: 'a page of settlements', ...json(settlementsPage) },
        400: problemResponse('VALIDATION_FAILED or SELLER_REQUIRED'),
        401: problemResponse('not signed in'),
        403: problemResponse('FORBIDDEN'),
      },
    }),
    async (c) => {
      const { cursor, size, status } = c.req.valid('query');
      const page = await deps.store.list({
        sellerId: sellerAccessOf(c).sellerId,
        status,
        cursor,
        limit: size,
      });
      return c.json({ items: page.items.map(settlementSummaryJson), nextCursor: page.nextCursor }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/seller/settlements/{id}',
      tags: ['settlement'],
      summary: 'One settlement: its sales and refunds, fee, net, payout status and tax invoice number',
      security: bearerSecurity,
      middleware: [deps.authenticate, ...access],
      request: { params: settlementIdParam },
      responses: {
        200: { description: 'the settlement', ...json(settlementDetail) },
        401: problemResponse('not signed in'),
        403: problemResponse('FORBIDDEN'),
        404: problemResponse('SETTLEMENT_NOT_FOUND (also for another seller’s settlement)'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const settlement = await readSettlement(deps.store, id, sellerAccessOf(c).sellerId);
      return c.json(settlementDetailJson(settlement), 200);
    },
  );

  return router;
}
