import { createRoute, z } from '@hono/zod-openapi';
import type { SellerShippingPolicies } from '../../application/ordering/seller-shipping-policy';
import { MAX_SHIPPING_FEE } from '../../domain/ordering/shipping-policy';
import { bearerSecurity, problemResponse } from '../identity/identity-fields';
import type { Authenticate } from '../middleware/authenticate';
import { principalOf, requireRole, requireSellerAccess, sellerAccessOf } from '../middleware/authorize';
import { createRouter } from '../router';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });
const fee = (description: string, example: number) =>
  z
    .number()
    .int()
    .min(0)
    .max(MAX_SHIPPING_FEE)
    .openapi({ description: `${description} (whole won)`, example });
const zipRange = z
  .object({ from: z.string().regex(/^\d{5}$/), to: z.string().regex(/^\d{5}$/) })
  .openapi({ example: { from: '40200', to: '40240' } });

export const shippingPolicyBody = z
  .object({
    baseFee: fee('Charged once per bundled parcel', 3000),
    freeShippingOver: z.number().int().min(1).nullable().openapi({
      description:
        'Bundled goods amount from which the base fee is waived (이상: exactly this amount ships free); null: never free',
      example: 50000,
    }),
    remoteAreaFee: fee('Added per parcel to 도서산간 zip codes, even when shipping is free', 5000),
    jejuFee: fee('Added per parcel to 제주 (63000–63644), even when shipping is free', 3000),
    remoteZipRanges: z.array(zipRange).max(200).nullable().optional().openapi({
      description: 'Your own 도서산간 zip ranges (inclusive); absent or null: the platform list',
    }),
    returnShippingFee: fee('반품 배송비 (one way) kept from a change-of-mind refund', 3000)
      .nullable()
      .optional()
      .openapi({
        description:
          '반품 배송비 (one way, whole won) kept from a change-of-mind refund; absent or null: baseFee',
      }),
  })
  .openapi('ShippingPolicyRequest');

export const shippingPolicyView = shippingPolicyBody
  .extend({
    remoteZipRanges: z.array(zipRange),
    returnShippingFee: z.number().int().nullable().openapi({ description: '반품 배송비; null: baseFee' }),
    isDefault: z
      .boolean()
      .openapi({ description: 'True until the seller sets a policy: the platform default applies' }),
  })
  .openapi('ShippingPolicy');

/** A seller's shipping policy (docs/ordering.md#shipping-fees); managers need PRODUCTS. */
export function createShippingPolicyRoutes(deps: {
  policies: SellerShippingPolicies;
  authenticate: Authenticate;
}) {
  const router = createRouter();
  const middleware = [
    deps.authenticate,
    requireRole('SELLER', 'MANAGER', 'ADMIN'),
    requireSellerAccess('PRODUCTS'),
  ];
  const denied = {
    400: problemResponse('VALIDATION_FAILED or SELLER_REQUIRED'),
    401: problemResponse('not signed in'),
    403: problemResponse('FORBIDDEN'),
  };

  router.openapi(
    createRoute({
      method: 'get',
      path: '/seller/shipping-policy',
      tags: ['seller catalog'],
      summary: 'The shipping policy of the seller you act for (the platform default until set)',
      security: bearerSecurity,
      middleware,
      responses: { 200: { description: 'the policy in force', ...json(shippingPolicyView) }, ...denied },
    }),
    async (c) => c.json(await deps.policies.get(sellerAccessOf(c).sellerId), 200),
  );

  router.openapi(
    createRoute({
      method: 'put',
      path: '/seller/shipping-policy',
      tags: ['seller catalog'],
      summary: 'Replace the shipping policy; orders placed from now on are charged by it',
      security: bearerSecurity,
      middleware,
      request: { body: { ...json(shippingPolicyBody), required: true } },
      responses: { 200: { description: 'the policy now in force', ...json(shippingPolicyView) }, ...denied },
    }),
    async (c) => {
      const policy = await deps.policies.set(
        sellerAccessOf(c).sellerId,
        c.req.valid('json'),
        principalOf(c).userId,
      );
      return c.json(policy, 200);
    },
  );

  return router;
}
