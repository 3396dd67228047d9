import { createRoute } from '@hono/zod-openapi';
import { CatalogErrorCode } from '../../domain/catalog/catalog-errors';
import { DEFAULT_PAGE_SIZE, keywordTerms } from '../../domain/catalog/search-query';
import { DomainError } from '../../domain/shared/domain-error';
import type { Catalog } from '../../application/catalog/catalog';
import { problemResponse } from '../identity/identity-fields';
import { ProblemError } from '../problem';
import { createRouter } from '../router';
import {
  categoryTreeResponse,
  imageKeyParam,
  productDetailResponse,
  productIdParam,
  searchQuery,
  searchResponse,
} from './catalog.schemas';
import { productDetailView, searchPageView } from './catalog-views';
import { decodeCursor } from './search-cursor';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

/** Public catalog: search, product pages, the category tree and image bytes. No token needed. */
export function createProductRoutes(deps: {
  catalog: Pick<Catalog, 'browsing' | 'categories' | 'images'>;
  publicBaseUrl: string;
}) {
  const router = createRouter();

  const search = createRoute({
    method: 'get',
    path: '/products',
    tags: ['catalog'],
    summary: 'Search products',
    description:
      'Keywords match name and description (Korean and English, anywhere in a word). Suspended products are never listed; sold-out ones are, with status SOLD_OUT. Cursor pagination: pass nextCursor back with the same sort.',
    request: { query: searchQuery },
    responses: {
      200: { description: 'a page of products', ...json(searchResponse) },
      400: problemResponse('VALIDATION_FAILED (a query field or the cursor), CATEGORY_NOT_FOUND'),
    },
  });
  router.openapi(search, async (c) => {
    const query = c.req.valid('query');
    if (query.minPrice !== undefined && query.maxPrice !== undefined && query.minPrice > query.maxPrice) {
      throw new DomainError('VALIDATION_FAILED', 'query.minPrice: must not exceed maxPrice', {
        errors: [{ field: 'query.minPrice', message: 'must not exceed maxPrice' }],
      });
    }
    const page = await deps.catalog.browsing.search({
      terms: keywordTerms(query.q),
      categoryId: query.categoryId,
      minPrice: query.minPrice,
      maxPrice: query.maxPrice,
      sort: query.sort,
      limit: query.size ?? DEFAULT_PAGE_SIZE,
      after: query.cursor ? decodeCursor(query.cursor, query.sort) : undefined,
    });
    return c.json(searchPageView(deps.publicBaseUrl, page), 200);
  });

  const detail = createRoute({
    method: 'get',
    path: '/products/{id}',
    tags: ['catalog'],
    summary: 'A product page with live stock per variant',
    request: { params: productIdParam },
    responses: {
      200: { description: 'the product', ...json(productDetailResponse) },
      404: problemResponse('PRODUCT_NOT_FOUND'),
    },
  });
  router.openapi(detail, async (c) => {
    const { id } = c.req.valid('param');
    const product = await deps.catalog.browsing.productDetail(id);
    if (!product)
      throw new DomainError(CatalogErrorCode.PRODUCT_NOT_FOUND, `No product ${id}`, { productId: id });
    return c.json(productDetailView(deps.publicBaseUrl, product), 200);
  });

  const categories = createRoute({
    method: 'get',
    path: '/categories',
    tags: ['catalog'],
    summary: 'The category tree',
    responses: {
      200: { description: 'top-level categories with their children', ...json(categoryTreeResponse) },
    },
  });
  router.openapi(categories, async (c) =>
    c.json({ items: await deps.catalog.categories.categoryTree() }, 200),
  );

  const image = createRoute({
    method: 'get',
    path: '/images/{key}',
    tags: ['catalog'],
    summary: 'Image bytes',
    description:
      'Served with the type read from the bytes at upload and cached for a year (keys never change content).',
    request: { params: imageKeyParam },
    responses: {
      200: {
        description: 'the image',
        content: { 'image/*': { schema: { type: 'string', format: 'binary' } } },
      },
      304: { description: 'not modified' },
      404: problemResponse('IMAGE_NOT_FOUND'),
    },
  });
  router.openapi(image, async (c) => {
    const { key } = c.req.valid('param');
    const etag = `"${key}"`;
    if (c.req.header('if-none-match') === etag) return c.body(null, 304, { ETag: etag });
    const stored = await deps.catalog.images.image(key);
    if (!stored) throw new ProblemError(CatalogErrorCode.IMAGE_NOT_FOUND, `No image ${key}`);
    return c.body(stored.bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': stored.contentType,
      'Content-Length': String(stored.bytes.byteLength),
      'Cache-Control': 'public, max-age=31536000, immutable',
      ETag: etag,
      'X-Content-Type-Options': 'nosniff',
    });
  });

  return router;
}
