import { createRoute } from '@hono/zod-openapi';
import type { Catalog } from '../../application/catalog/catalog';
import type { SellerProductCursor } from '../../domain/catalog/ports';
import { decodeJsonCursor, encodeJsonCursor, invalidCursor, isCursorId, isCursorTime } from '../cursor';
import { bearerSecurity, problemResponse } from '../identity/identity-fields';
import type { Authenticate } from '../middleware/authenticate';
import { requireRole, requireSellerAccess, sellerAccessOf } from '../middleware/authorize';
import { createRouter } from '../router';
import {
  addVariantBody,
  changeVariantBody,
  sellerProductsPage,
  sellerProductsQuery,
  variantParams,
} from './catalog-management.schemas';
import { productIdParam, sellerProductResponse } from './catalog.schemas';
import { sellerProductView } from './catalog-views';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });
const denied = {
  401: problemResponse('not signed in'),
  403: problemResponse('FORBIDDEN: not this seller, or a manager without the PRODUCTS permission'),
};

const encodeListCursor = (cursor: SellerProductCursor) =>
  encodeJsonCursor([cursor.createdAt.getTime(), cursor.id]);

function decodeListCursor(text: string): SellerProductCursor {
  const parsed = decodeJsonCursor(text);
  if (!Array.isArray(parsed) || parsed.length !== 2) throw invalidCursor();
  const [at, id] = parsed as [unknown, unknown];
  if (!isCursorTime(at) || !isCursorId(id)) throw invalidCursor();
  return { createdAt: new Date(at), id };
}

/**
 * A seller's catalogue management (docs/catalog.md#a-sellers-own-list): the own list, and variants
 * added, repriced or removed after listing. Same guard as the other seller product routes.
 */
export function createSellerCatalogRoutes(deps: {
  catalog: Pick<Catalog, 'sellerListing' | 'sellerVariants'>;
  authenticate: Authenticate;
  publicBaseUrl: string;
}) {
  const router = createRouter();
  const guard = [
    deps.authenticate,
    requireRole('SELLER', 'MANAGER', 'ADMIN'),
    requireSellerAccess('PRODUCTS'),
  ];

  const list = createRoute({
    method: 'get',
    path: '/seller/products',
    tags: ['seller catalog'],
    summary: "The seller's own products, suspended ones included, newest first",
    description:
      'Filters: `status` (ON_SALE, SOLD_OUT, SUSPENDED) and `q` (part of the name). Read from the catalogue itself, so a change shows at once. Cursor pagination: pass nextCursor back with the same filters.',
    security: bearerSecurity,
    middleware: [...guard],
    request: { query: sellerProductsQuery },
    responses: {
      200: { description: 'a page of products', ...json(sellerProductsPage) },
      400: problemResponse('VALIDATION_FAILED'),
      ...denied,
    },
  });
  router.openapi(list, async (c) => {
    const query = c.req.valid('query');
    const page = await deps.catalog.sellerListing.list(sellerAccessOf(c).sellerId, {
      status: query.status,
      q: query.q,
      after: query.cursor ? decodeListCursor(query.cursor) : undefined,
      limit: query.size,
    });
    return c.json(
      {
        items: page.items.map((product) => sellerProductView(deps.publicBaseUrl, product)),
        nextCursor: page.next ? encodeListCursor(page.next) : null,
      },
      200,
    );
  });

  const add = createRoute({
    method: 'post',
    path: '/seller/products/{id}/variants',
    tags: ['seller catalog'],
    summary: 'Add a variant (a new combination of option values) with its stock and price delta',
    description:
      'A value an option does not offer yet is added to that option. Adding a combination that was removed brings the removed variant back.',
    security: bearerSecurity,
    middleware: [...guard],
    request: { params: productIdParam, body: { ...json(addVariantBody), required: true } },
    responses: {
      201: { description: 'the product with the new variant', ...json(sellerProductResponse) },
      400: problemResponse('VALIDATION_FAILED, UNKNOWN_OPTION_COMBINATION, DUPLICATE_VARIANT'),
      ...denied,
      404: problemResponse('PRODUCT_NOT_FOUND'),
      409: problemResponse('PRODUCT_CONFLICT'),
    },
  });
  router.openapi(add, async (c) => {
    const body = c.req.valid('json');
    const product = await deps.catalog.sellerVariants.addVariant(
      sellerAccessOf(c).sellerId,
      c.req.valid('param').id,
      body,
    );
    return c.json(sellerProductView(deps.publicBaseUrl, product), 201);
  });

  const change = createRoute({
    method: 'patch',
    path: '/seller/products/{id}/variants/{variantId}',
    tags: ['seller catalog'],
    summary: "Change a variant's price delta",
    security: bearerSecurity,
    middleware: [...guard],
    request: { params: variantParams, body: { ...json(changeVariantBody), required: true } },
    responses: {
      200: { description: 'the product', ...json(sellerProductResponse) },
      400: problemResponse('VALIDATION_FAILED'),
      ...denied,
      404: problemResponse('PRODUCT_NOT_FOUND, VARIANT_NOT_FOUND'),
      409: problemResponse('PRODUCT_CONFLICT'),
    },
  });
  router.openapi(change, async (c) => {
    const { id, variantId } = c.req.valid('param');
    const product = await deps.catalog.sellerVariants.changeVariant(
      sellerAccessOf(c).sellerId,
      id,
      variantId,
      c.req.valid('json').priceDelta,
    );
    return c.json(sellerProductView(deps.publicBaseUrl, product), 200);
  });

  const remove = createRoute({
    method: 'delete',
    path: '/seller/products/{id}/variants/{variantId}',
    tags: ['seller catalog'],
    summary: 'Remove a variant from sale',
    description:
      'The variant is no longer sold or shown; past orders keep showing its name and options. The last variant cannot be removed: suspend the product instead.',
    security: bearerSecurity,
    middleware: [...guard],
    request: { params: variantParams },
    responses: {
      200: { description: 'the product without the variant', ...json(sellerProductResponse) },
      ...denied,
      404: problemResponse('PRODUCT_NOT_FOUND, VARIANT_NOT_FOUND'),
      409: problemResponse('LAST_VARIANT, PRODUCT_CONFLICT'),
    },
  });
  router.openapi(remove, async (c) => {
    const { id, variantId } = c.req.valid('param');
    const product = await deps.catalog.sellerVariants.removeVariant(
      sellerAccessOf(c).sellerId,
      id,
      variantId,
    );
    return c.json(sellerProductView(deps.publicBaseUrl, product), 200);
  });

  return router;
}
