import { z } from '@hono/zod-openapi';
import { MAX_PRICE } from '../../domain/catalog/product';
import { sellerProductResponse } from './catalog.schemas';

const id = (description: string) =>
  z.string().min(1).max(36).openapi({ description, example: '01939a4e-7c1f-7b3a-9c2e-5d6f7a8b9c0d' });
const priceDelta = z
  .number()
  .int('must be a whole number of won')
  .min(-MAX_PRICE)
  .max(MAX_PRICE)
  .openapi({ description: 'Added to the product price for this combination', example: 1000 });

export const sellerProductsQuery = z.object({
  status: z.enum(['ON_SALE', 'SOLD_OUT', 'SUSPENDED']).optional(),
  q: z.string().max(100).optional().openapi({ description: 'Part of the product name' }),
  cursor: z.string().max(400).optional().openapi({ description: 'nextCursor of the previous page' }),
  size: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(20)
    .openapi({ description: 'Page size, at most 100' }),
});

export const sellerProductsPage = z
  .object({ items: z.array(sellerProductResponse), nextCursor: z.string().nullable() })
  .openapi('SellerProductPage');

export const variantParams = z.object({
  id: id('Product id').openapi({ param: { name: 'id', in: 'path' } }),
  variantId: id('Variant id').openapi({ param: { name: 'variantId', in: 'path' } }),
});

export const addVariantBody = z
  .object({
    options: z.record(z.string(), z.string()).openapi({
      description:
        "A value for each of the product's options; a value the option does not offer yet is added to it",
      example: { 색상: '초록', 사이즈: 'M' },
    }),
    stock: z.number().int('must be a whole number').min(0, 'must be 0 or more').max(1_000_000),
    priceDelta: priceDelta.optional(),
  })
  .openapi('NewVariant');

export const changeVariantBody = z.object({ priceDelta }).openapi('VariantChange');

export const categoryIdParam = z.object({
  id: id('Category id').openapi({ param: { name: 'id', in: 'path' } }),
});

export const changeCategoryBody = z
  .object({
    name: z.string().min(1).max(50).optional().openapi({ example: '무선 이어폰' }),
    parentId: id('New parent; null moves the category to the top level').nullable().optional(),
  })
  .refine((body) => body.name !== undefined || body.parentId !== undefined, {
    message: 'give name, parentId or both',
  })
  .openapi('CategoryChange');
