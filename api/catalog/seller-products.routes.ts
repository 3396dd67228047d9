import { createRoute } from '@hono/zod-openapi';
import { invalidField } from '../../domain/catalog/catalog-errors';
import type { Catalog } from '../../application/catalog/catalog';
import { bearerSecurity, problemResponse } from '../identity/identity-fields';
import type { Authenticate } from '../middleware/authenticate';
import { requireRole, requireSellerAccess, sellerAccessOf } from '../middleware/authorize';
import { createRouter } from '../router';
import {
  changeProductBody,
  createProductBody,
  imageParams,
  imageUploadBody,
  imageView,
  productIdParam,
  sellerProductResponse,
} from './catalog.schemas';
import { imageUrl, sellerProductView } from './catalog-views';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });
const denied = {
  401: problemResponse('not signed in'),
  403: problemResponse('FORBIDDEN: not this seller, or a manager without the PRODUCTS permission'),
};

/**
 * Catalog management for sellers and their managers (PRODUCTS permission). Managers of several
 * sellers, and admins, name the seller with X-Seller-Id.
 */
export function createSellerProductRoutes(deps: {
  catalog: Pick<Catalog, 'sellerProducts' | 'images'>;
  authenticate: Authenticate;
  publicBaseUrl: string;
}) {
  const router = createRouter();
  const access = requireSellerAccess('PRODUCTS');
  // Consumers are refused outright (403) before the seller is resolved.
  const guard = [deps.authenticate, requireRole('SELLER', 'MANAGER', 'ADMIN'), access] as const;

  const create = createRoute({
    method: 'post',
    path: '/seller/products',
    tags: ['seller catalog'],
    summary: 'List a new product with its options, variants and stock',
    security: bearerSecurity,
    middleware: [...guard],
    request: { body: { ...json(createProductBody), required: true } },
    responses: {
      201: { description: 'created', ...json(sellerProductResponse) },
      400: problemResponse(
        'VALIDATION_FAILED, UNKNOWN_OPTION_COMBINATION, DUPLICATE_VARIANT, CATEGORY_NOT_FOUND',
      ),
      ...denied,
    },
  });
  router.openapi(create, async (c) => {
    const body = c.req.valid('json');
    const product = await deps.catalog.sellerProducts.createProduct({
      sellerId: sellerAccessOf(c).sellerId,
      name: body.name,
      description: body.description,
      price: body.price,
      categoryId: body.categoryId ?? null,
      options: body.options,
      variants: body.variants,
      shippingFee: body.shippingFee,
      bundleShipping: body.bundleShipping,
    });
    return c.json(sellerProductView(deps.publicBaseUrl, product), 201);
  });

  const read = createRoute({
    method: 'get',
    path: '/seller/products/{id}',
    tags: ['seller catalog'],
    summary: 'A product of the seller, with stock on hand, reserved and sellable per variant',
    security: bearerSecurity,
    middleware: [...guard],
    request: { params: productIdParam },
    responses: {
      200: { description: 'the product', ...json(sellerProductResponse) },
      ...denied,
      404: problemResponse('PRODUCT_NOT_FOUND'),
    },
  });
  router.openapi(read, async (c) => {
    const product = await deps.catalog.sellerProducts.sellerProduct(
      sellerAccessOf(c).sellerId,
      c.req.valid('param').id,
    );
    return c.json(sellerProductView(deps.publicBaseUrl, product), 200);
  });

  const change = createRoute({
    method: 'patch',
    path: '/seller/products/{id}',
    tags: ['seller catalog'],
    summary: 'Edit a product, or suspend it / lift the suspension',
    security: bearerSecurity,
    middleware: [...guard],
    request: { params: productIdParam, body: { ...json(changeProductBody), required: true } },
    responses: {
      200: { description: 'updated', ...json(sellerProductResponse) },
      400: problemResponse('VALIDATION_FAILED'),
      ...denied,
      404: problemResponse('PRODUCT_NOT_FOUND'),
      409: problemResponse('PRODUCT_CONFLICT'),
    },
  });
  router.openapi(change, async (c) => {
    const body = c.req.valid('json');
    const product = await deps.catalog.sellerProducts.changeProduct(
      sellerAccessOf(c).sellerId,
      c.req.valid('param').id,
      {
        name: body.name,
        description: body.description,
        price: body.price,
        categoryId: body.categoryId,
        suspended: body.status === undefined ? undefined : body.status === 'SUSPENDED',
        shippingFee: body.shippingFee,
        bundleShipping: body.bundleShipping,
      },
    );
    return c.json(sellerProductView(deps.publicBaseUrl, product), 200);
  });

  const upload = createRoute({
    method: 'post',
    path: '/seller/products/{id}/images',
    tags: ['seller catalog'],
    summary: 'Upload an image (multipart field `file`)',
    description:
      'At most 10 images per product, each at most 5 MB and 40 megapixels; JPEG, PNG, WebP or GIF as read from the bytes (the file name and declared type are ignored). Metadata (EXIF with GPS, XMP, text chunks) is removed before the image is stored; a JPEG keeps its orientation.',
    security: bearerSecurity,
    // Bodies over IMAGE_UPLOAD_LIMIT are refused 413 before routing (api/middleware/body-guard.ts).
    middleware: [...guard],
    request: {
      params: productIdParam,
      body: { content: { 'multipart/form-data': { schema: imageUploadBody } }, required: true },
    },
    responses: {
      201: { description: 'stored', ...json(imageView) },
      400: problemResponse('TOO_MANY_IMAGES, UNSUPPORTED_IMAGE_TYPE, VALIDATION_FAILED'),
      413: problemResponse('IMAGE_TOO_LARGE: over 5 MB'),
      422: problemResponse('IMAGE_TOO_MANY_PIXELS: declares more than 40 megapixels'),
      ...denied,
      404: problemResponse('PRODUCT_NOT_FOUND'),
    },
  });
  router.openapi(upload, async (c) => {
    const form = await c.req.parseBody();
    const file = form.file;
    if (!(file instanceof File))
      throw invalidField('body.file', 'attach the image as the multipart field "file"');
    const bytes = new Uint8Array(await file.arrayBuffer());
    const image = await deps.catalog.images.addImage(
      sellerAccessOf(c).sellerId,
      c.req.valid('param').id,
      bytes,
    );
    return c.json(
      { id: image.id, url: imageUrl(deps.publicBaseUrl, image.key), contentType: image.contentType },
      201,
    );
  });

  const removeImage = createRoute({
    method: 'delete',
    path: '/seller/products/{id}/images/{imageId}',
    tags: ['seller catalog'],
    summary: 'Remove an image',
    security: bearerSecurity,
    middleware: [...guard],
    request: { params: imageParams },
    responses: {
      204: { description: 'removed' },
      ...denied,
      404: problemResponse('PRODUCT_NOT_FOUND, IMAGE_NOT_FOUND'),
    },
  });
  router.openapi(removeImage, async (c) => {
    const { id, imageId } = c.req.valid('param');
    await deps.catalog.images.removeImage(sellerAccessOf(c).sellerId, id, imageId);
    return c.body(null, 204);
  });

  return router;
}
