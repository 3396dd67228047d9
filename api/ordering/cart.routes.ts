import { createRoute } from '@hono/zod-openapi';
import type { CartService } from '../../application/ordering/manage-cart';
import { bearerSecurity, problemResponse } from '../identity/identity-fields';
import type { Authenticate } from '../middleware/authenticate';
import { principalOf, requireRole } from '../middleware/authorize';
import { createRouter } from '../router';
import {
  addCartItemBody,
  cartLineView,
  cartQuery,
  cartView,
  changeCartItemBody,
  itemIdParam,
} from './ordering.schemas';
import { cartJson, cartLineJson } from './ordering-views';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

/** The consumer's cart: shown against today's prices, status and stock. */
export function createCartRoutes(deps: { cart: CartService; authenticate: Authenticate }) {
  const router = createRouter();
  const guard = [deps.authenticate, requireRole('CONSUMER')];
  const common = { 401: problemResponse('not signed in'), 403: problemResponse('FORBIDDEN: consumers only') };

  router.openapi(
    createRoute({
      method: 'get',
      path: '/cart',
      tags: ['ordering'],
      summary: 'Your cart, priced now',
      description:
        'Each line shows the price now, the price when it was added (`priceChange` when they differ) and whether it can still be ordered (`availability`). The totals count only lines that can be ordered as they are; `parts` gives each seller’s shipping fee and how much more buys free shipping (docs/ordering.md#shipping-fees).',
      security: bearerSecurity,
      middleware: guard,
      request: { query: cartQuery },
      responses: {
        200: { description: 'the cart', ...json(cartView) },
        400: problemResponse('VALIDATION_FAILED'),
        ...common,
      },
    }),
    async (c) =>
      c.json(
        cartJson(await deps.cart.view(principalOf(c).userId, c.req.valid('query').zipCode ?? null)),
        200,
      ),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/cart/items',
      tags: ['ordering'],
      summary: 'Put a variant in the cart (adds to the quantity when it is already there)',
      security: bearerSecurity,
      middleware: guard,
      request: { body: { ...json(addCartItemBody), required: true } },
      responses: {
        201: { description: 'added as a new line', ...json(cartLineView) },
        200: { description: 'added to an existing line', ...json(cartLineView) },
        400: problemResponse('VALIDATION_FAILED'),
        ...common,
        409: problemResponse('PRODUCT_UNAVAILABLE or OUT_OF_STOCK (with requested and available)'),
        422: problemResponse('CART_FULL'),
      },
    }),
    async (c) => {
      const { variantId, quantity } = c.req.valid('json');
      const { line, created } = await deps.cart.add(principalOf(c).userId, variantId, quantity);
      return created ? c.json(cartLineJson(line), 201) : c.json(cartLineJson(line), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'patch',
      path: '/cart/items/{id}',
      tags: ['ordering'],
      summary: 'Change the quantity of a cart line',
      security: bearerSecurity,
      middleware: guard,
      request: { params: itemIdParam, body: { ...json(changeCartItemBody), required: true } },
      responses: {
        200: { description: 'changed', ...json(cartLineView) },
        400: problemResponse('VALIDATION_FAILED'),
        ...common,
        404: problemResponse('CART_ITEM_NOT_FOUND'),
        409: problemResponse('OUT_OF_STOCK'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(
        cartLineJson(await deps.cart.changeQuantity(principalOf(c).userId, id, c.req.valid('json').quantity)),
        200,
      );
    },
  );

  router.openapi(
    createRoute({
      method: 'delete',
      path: '/cart/items/{id}',
      tags: ['ordering'],
      summary: 'Remove a line from the cart',
      security: bearerSecurity,
      middleware: guard,
      request: { params: itemIdParam },
      responses: { 204: { description: 'removed' }, ...common, 404: problemResponse('CART_ITEM_NOT_FOUND') },
    }),
    async (c) => {
      await deps.cart.remove(principalOf(c).userId, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  return router;
}
