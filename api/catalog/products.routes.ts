import { createRoute } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env';
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

/** Runs around the product page; counts its view once it answered (docs/kpis.md#visitors). */
export type ProductViewRecorder = MiddlewareHandler<AppEnv>;

/** Public catalog: search, product pages, the category tree and image bytes. No token needed. */
export function createProductRoutes(deps: {
  catalog: Pick<Catalog, 'browsing' | 'categories' | 'images'>;
  publicBaseUrl: string;
  productViews?: ProductViewRecorder;
}) {
  const router = createRouter();

  const search = createRoute({
    method: 'get',
    path: '/products',
    tags: ['catalog'],
    summary: 'Search products',
    description: [
      'Answered from the product read model, not the catalog tables: a change is searchable within about 2 seconds of its write (eventual consistency).',
      'Every keyword must match the name, description, seller 상호, category or an option value. Korean matching: spaces do not matter (블루투스이어폰 finds 블루투스 이어폰 and the reverse), part of a word matches (반팔티 finds 반팔티셔츠), 초성 alone match names (ㅂㄹㅌㅅ), and a word of four or more syllables tolerates one typo; English is case-insensitive and may be mixed with Korean.',
      'sort defaults to relevance (name matches first) when q is given, else newest. Suspended products are never listed; sold-out ones are, with status SOLD_OUT.',
      'Each page carries total (all matches) and facets (categories, price bands, sellers) over every match. Cursor pagination: pass nextCursor back with the same sort and filters.',
    ].join(' '),
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
    const terms = keywordTerms(query.q);
    const sort = query.sort ?? (terms.length > 0 ? 'relevance' : 'newest');
    const page = await deps.catalog.browsing.search({
      terms,
      categoryId: query.categoryId,
      sellerId: query.sellerId,
      minPrice: query.minPrice,
      maxPrice: query.maxPrice,
      sort,
      limit: query.size ?? DEFAULT_PAGE_SIZE,
      after: query.cursor ? decodeCursor(query.cursor, sort) : undefined,
    });
    return c.json(searchPageView(deps.publicBaseUrl, page), 200);
  });

  const detail = createRoute({
    method: 'get',
    path: '/products/{id}',
    tags: ['catalog'],
    summary: 'A product page with live stock per variant',
    description:
      'Counts an anonymous view session for the KPIs: the X-View-Session header (apps: a random id of 16–128 URL-safe characters) or the jt_vs cookie, set when neither is sent.',
    middleware: deps.productViews ? [deps.productViews] : [],
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
