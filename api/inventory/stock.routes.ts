import { createRoute } from '@hono/zod-openapi';
import { sellableOf } from '../../domain/inventory/stock-level';
import type { SellerProducts } from '../../application/catalog/seller-products';
import { bearerSecurity, problemResponse } from '../identity/identity-fields';
import type { Authenticate } from '../middleware/authenticate';
import { requireRole, requireSellerAccess, sellerAccessOf } from '../middleware/authorize';
import { createRouter } from '../router';
import { setStockBody, stockResponse, variantIdParam } from './inventory.schemas';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

/** Stock adjustment by the seller or a manager with the PRODUCTS permission. */
export function createStockRoutes(deps: { sellerProducts: SellerProducts; authenticate: Authenticate }) {
  const router = createRouter();
  const setStock = createRoute({
    method: 'put',
    path: '/seller/variants/{variantId}/stock',
    tags: ['seller catalog'],
    summary: 'Set the count on hand of a variant',
    description:
      'May not go below the units already reserved by orders (STOCK_BELOW_RESERVED). Bringing stock back serves the waiting queue.',
    security: bearerSecurity,
    middleware: [
      deps.authenticate,
      requireRole('SELLER', 'MANAGER', 'ADMIN'),
      requireSellerAccess('PRODUCTS'),
    ],
    request: { params: variantIdParam, body: { ...json(setStockBody), required: true } },
    responses: {
      200: { description: 'the new stock', ...json(stockResponse) },
      400: problemResponse('VALIDATION_FAILED'),
      401: problemResponse('not signed in'),
      403: problemResponse('FORBIDDEN'),
      404: problemResponse('VARIANT_NOT_FOUND, PRODUCT_NOT_FOUND'),
      409: problemResponse('STOCK_BELOW_RESERVED, STOCK_CONFLICT'),
    },
  });
  router.openapi(setStock, async (c) => {
    const level = await deps.sellerProducts.setStock(
      sellerAccessOf(c).sellerId,
      c.req.valid('param').variantId,
      c.req.valid('json').onHand,
    );
    return c.json(
      { id: level.variantId, onHand: level.onHand, reserved: level.reserved, sellable: sellableOf(level) },
      200,
    );
  });
  return router;
}
