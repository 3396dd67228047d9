import { createRoute } from '@hono/zod-openapi';
import { settlementStatementFile } from '../../application/settlement/settlement-statement-file';
import type { SettlementStore } from '../../domain/settlement';
import { bearerSecurity, problemResponse } from '../identity/identity-fields';
import type { Authenticate } from '../middleware/authenticate';
import { requireRole, requireSellerAccess, sellerAccessOf } from '../middleware/authorize';
import { createRouter } from '../router';
import { settlementIdParam } from './settlement.schemas';

/**
 * `GET /seller/settlements/{id}/statement.csv`: the statement the e-mail attaches, to download at
 * any time (Excel opens it: UTF-8 with a BOM). Same access as the settlement itself.
 */
export function createSettlementStatementRoutes(deps: {
  store: SettlementStore;
  companyNameOf(sellerId: string): Promise<string | null>;
  authenticate: Authenticate;
}) {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/seller/settlements/{id}/statement.csv',
      tags: ['settlement'],
      summary: 'One settlement’s statement as CSV: every line by kind, the totals, fee and net',
      description:
        'UTF-8 with a byte-order mark so Excel reads the Korean text; `Content-Disposition` names the file ' +
        'jangteo-settlement-<week>.csv. The seller, its managers with SETTLEMENTS_READ, or an admin naming the seller with `X-Seller-Id`.',
      security: bearerSecurity,
      middleware: [
        deps.authenticate,
        requireRole('SELLER', 'MANAGER', 'ADMIN'),
        requireSellerAccess('SETTLEMENTS_READ'),
      ],
      request: { params: settlementIdParam },
      responses: {
        200: {
          description: 'the statement',
          content: { 'text/csv': { schema: { type: 'string' } } },
        },
        400: problemResponse('SELLER_REQUIRED'),
        401: problemResponse('not signed in'),
        403: problemResponse('FORBIDDEN: not a seller, or a manager without SETTLEMENTS_READ'),
        404: problemResponse('SETTLEMENT_NOT_FOUND (also for another seller’s settlement)'),
      },
    }),
    async (c) => {
      const file = await settlementStatementFile(deps, c.req.valid('param').id, sellerAccessOf(c).sellerId);
      return c.body(file.csv, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${file.fileName}"`,
        'Cache-Control': 'no-store',
      });
    },
  );

  return router;
}
