import { createRoute, z } from '@hono/zod-openapi';
import {
  checkLowStockThreshold,
  DEFAULT_LOW_STOCK_THRESHOLD,
  MAX_LOW_STOCK_THRESHOLD,
  type LowStockStore,
} from '../../domain/inventory/low-stock';
import { bearerSecurity, problemResponse } from '../identity/identity-fields';
import type { Authenticate } from '../middleware/authenticate';
import { requireSellerAccess, sellerAccessOf } from '../middleware/authorize';
import { ProblemError } from '../problem';
import { createRouter } from '../router';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

const params = z.object({
  id: z
    .string()
    .min(1)
    .max(36)
    .openapi({ param: { name: 'id', in: 'path' } }),
  variantId: z
    .string()
    .min(1)
    .max(36)
    .openapi({ param: { name: 'variantId', in: 'path' } }),
});
const thresholdBody = z
  .object({
    threshold: z
      .number()
      .int()
      .min(0)
      .max(MAX_LOW_STOCK_THRESHOLD)
      .openapi({
        description: `Alert when sellable stock falls to this many units or fewer (suggested ${DEFAULT_LOW_STOCK_THRESHOLD}; 0: when sold out). Variants without a threshold are not watched`,
      }),
  })
  .openapi('LowStockThresholdRequest');
const thresholdView = z
  .object({ productId: z.string(), variantId: z.string(), threshold: z.number().int() })
  .openapi('LowStockThreshold');

/** The seller's low-stock threshold of a variant (its owner, or a manager with PRODUCTS). */
export function createLowStockRoutes(deps: {
  store: Pick<LowStockStore, 'setThreshold'>;
  describe(productId: string, variantId: string): Promise<{ sellerId: string } | null>;
  now(): Date;
  authenticate: Authenticate;
}) {
  const router = createRouter();
  router.openapi(
    createRoute({
      method: 'put',
      path: '/seller/products/{id}/variants/{variantId}/low-stock-threshold',
      tags: ['seller catalog'],
      summary: 'Set when you are alerted of low stock of a variant',
      description:
        'You (and your managers with ORDERS) get an AlimTalk, SMS as fallback, once when a sale leaves the sellable stock at or below the threshold, and again only after it rose above it.',
      security: bearerSecurity,
      middleware: [deps.authenticate, requireSellerAccess('PRODUCTS')],
      request: { params, body: { ...json(thresholdBody), required: true } },
      responses: {
        200: { description: 'the threshold', ...json(thresholdView) },
        400: problemResponse('VALIDATION_FAILED: body.threshold'),
        401: problemResponse('not signed in'),
        403: problemResponse('FORBIDDEN'),
        404: problemResponse('VARIANT_NOT_FOUND (also a variant of another seller)'),
      },
    }),
    async (c) => {
      const { id, variantId } = c.req.valid('param');
      const threshold = checkLowStockThreshold(c.req.valid('json').threshold);
      const variant = await deps.describe(id, variantId);
      if (!variant || variant.sellerId !== sellerAccessOf(c).sellerId)
        throw new ProblemError('VARIANT_NOT_FOUND', `No variant ${variantId} of product ${id} among yours.`);
      await deps.store.setThreshold(variantId, threshold, deps.now());
      return c.json({ productId: id, variantId, threshold }, 200);
    },
  );
  return router;
}
