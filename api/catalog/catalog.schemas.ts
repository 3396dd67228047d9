import { z } from '@hono/zod-openapi';
import {
  MAX_PRICE,
  MAX_PRODUCT_SHIPPING_FEE,
  NAME_MAX_LENGTH,
  validName,
} from '../../domain/catalog/product';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, PRODUCT_SORTS } from '../../domain/catalog/search-query';
import { SALE_STATUSES } from '../../domain/catalog/sale-status';
import { DomainError } from '../../domain/shared/domain-error';

/** Runs a domain rule inside zod so a bad value is a 400 naming its field with the rule's message. */
const checkedBy = (rule: (value: string) => unknown) => (value: string, ctx: z.RefinementCtx) => {
  try {
    rule(value);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const [first] = (error.details.errors as { message: string }[] | undefined) ?? [];
    ctx.addIssue({ code: 'custom', message: first?.message ?? error.message });
  }
};

const id = (description: string) =>
  z.string().min(1).max(36).openapi({ description, example: '01939a4e-7c1f-7b3a-9c2e-5d6f7a8b9c0d' });
const won = z.number().int('must be a whole number of won').positive('must be greater than 0').max(MAX_PRICE);
const shippingOptions = {
  shippingFee: z
    .number()
    .int('must be a whole number of won')
    .min(0, 'must be 0 or more')
    .max(MAX_PRODUCT_SHIPPING_FEE)
    .nullable()
    .optional()
    .openapi({
      description:
        "개별 배송비: this product's own fee, charged apart from the seller's policy; null: the policy",
      example: 5000,
    }),
  bundleShipping: z.boolean().optional().openapi({
    description: 'false: 묶음배송 불가, each order line ships and is charged alone (default true)',
  }),
};
const shippingViews = { shippingFee: z.number().int().nullable(), bundleShipping: z.boolean() };

export const productName = z
  .string()
  .superRefine(checkedBy(validName))
  .openapi({ description: `1–${NAME_MAX_LENGTH} characters`, example: '무선 블루투스 이어폰' });

export const productIdParam = z.object({
  id: id('Product id').openapi({ param: { name: 'id', in: 'path' } }),
});
export const variantIdParam = z.object({
  variantId: id('Variant id').openapi({ param: { name: 'variantId', in: 'path' } }),
});
export const imageParams = z.object({
  id: id('Product id').openapi({ param: { name: 'id', in: 'path' } }),
  imageId: id('Image id').openapi({ param: { name: 'imageId', in: 'path' } }),
});

const option = z.object({
  name: z.string().min(1).max(30).openapi({ example: '색상' }),
  values: z
    .array(z.string().min(1).max(50))
    .min(1)
    .max(50)
    .openapi({ example: ['빨강', '파랑'] }),
});

const newVariant = z.object({
  options: z.record(z.string(), z.string()).openapi({ example: { 색상: '빨강', 사이즈: 'M' } }),
  stock: z.number().int('must be a whole number').min(0, 'must be 0 or more').max(1_000_000),
  priceDelta: z
    .number()
    .int('must be a whole number of won')
    .min(-MAX_PRICE)
    .max(MAX_PRICE)
    .optional()
    .openapi({ description: 'Added to the product price for this combination', example: 1000 }),
});

export const createProductBody = z
  .object({
    name: productName,
    description: z.string().max(10_000).default(''),
    price: won.openapi({ description: 'Whole won, > 0', example: 39000 }),
    categoryId: id('Category').nullable().optional(),
    options: z.array(option).max(3).default([]),
    variants: z
      .array(newVariant)
      .min(1)
      .max(200)
      .openapi({ description: 'One per sold combination; with no options, one variant with `options: {}`' }),
    ...shippingOptions,
  })
  .openapi('NewProduct');

export const changeProductBody = z
  .object({
    name: productName.optional(),
    description: z.string().max(10_000).optional(),
    price: won.optional(),
    categoryId: id('Category').nullable().optional(),
    status: z.enum(['ON_SALE', 'SUSPENDED']).optional().openapi({
      description: 'SUSPENDED hides the product; ON_SALE lifts a suspension (SOLD_OUT follows from stock)',
    }),
    ...shippingOptions,
  })
  .openapi('ProductChanges');

const variantView = z.object({
  id: z.string(),
  options: z.record(z.string(), z.string()),
  priceDelta: z.number().int(),
  price: z.number().int(),
  stock: z.number().int(),
  reserved: z.number().int(),
  sellable: z.number().int(),
});

export const imageView = z
  .object({ id: z.string(), url: z.string(), contentType: z.string() })
  .openapi('ProductImage');

export const sellerProductResponse = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    price: z.number().int(),
    categoryId: z.string().nullable(),
    status: z.enum(SALE_STATUSES),
    ...shippingViews,
    options: z.array(option),
    images: z.array(imageView),
    variants: z.array(variantView),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('SellerProduct');

/** 전자상거래법 표시사항 of the seller; fields the seller has not given yet are null. */
const sellerDisclosure = z
  .object({
    sellerId: z.string(),
    companyName: z.string().openapi({ description: '상호', example: '민지상회' }),
    representative: z.string().nullable().openapi({ description: '대표자', example: '김민지' }),
    businessNumber: z.string().openapi({ description: '사업자등록번호', example: '220-81-62517' }),
    mailOrderNumber: z
      .string()
      .nullable()
      .openapi({ description: '통신판매업 신고번호', example: '2024-서울강남-01234' }),
    businessAddress: z
      .string()
      .nullable()
      .openapi({ description: '사업장 주소', example: '서울특별시 강남구 테헤란로 123, 4층' }),
    customerServicePhone: z
      .string()
      .nullable()
      .openapi({ description: '고객센터 연락처', example: '1588-1234' }),
  })
  .openapi('SellerDisclosure');

export const productDetailResponse = z
  .object({
    id: z.string(),
    sellerId: z.string(),
    name: z.string(),
    description: z.string(),
    price: z.number().int(),
    status: z.enum(SALE_STATUSES),
    categoryId: z.string().nullable(),
    ...shippingViews,
    options: z.array(option),
    images: z.array(imageView),
    variants: z.array(
      z.object({
        id: z.string(),
        options: z.record(z.string(), z.string()),
        price: z.number().int(),
        sellable: z.number().int(),
      }),
    ),
    seller: sellerDisclosure.nullable().openapi({ description: 'Null when the seller has no profile' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('ProductDetail');

const numberQuery = z
  .string()
  .regex(/^\d{1,10}$/, 'must be a whole number')
  .transform(Number);

export const searchQuery = z.object({
  q: z.string().max(100).optional().openapi({
    description:
      'Keywords (Korean or English); every word must match the name, description, seller, category or an option value',
    example: '블루투스 이어폰',
  }),
  categoryId: z
    .string()
    .max(36)
    .optional()
    .openapi({ description: 'A category; its descendants are included' }),
  sellerId: z.string().max(36).optional().openapi({ description: "Only this seller's products" }),
  minPrice: numberQuery.optional().openapi({ type: 'integer', description: 'Whole won, inclusive' }),
  maxPrice: numberQuery.optional().openapi({ type: 'integer', description: 'Whole won, inclusive' }),
  sort: z.enum(PRODUCT_SORTS).optional().openapi({
    description: 'Default: relevance when q is given, else newest',
  }),
  cursor: z.string().max(300).optional().openapi({ description: 'nextCursor of the previous page' }),
  size: numberQuery
    .pipe(z.number().int().min(1).max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`))
    .optional()
    .openapi({
      type: 'integer',
      description: `Page size, 1–${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE})`,
    }),
});

export const searchResponse = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        sellerId: z.string(),
        sellerName: z.string().openapi({ description: "The seller's 상호" }),
        name: z.string(),
        price: z.number().int(),
        status: z.enum(SALE_STATUSES),
        categoryId: z.string().nullable(),
        thumbnailUrl: z.string().nullable(),
        popularity: z.number().int(),
        createdAt: z.string(),
      }),
    ),
    nextCursor: z.string().nullable(),
    total: z.number().int().openapi({ description: 'How many products match, over all pages' }),
    facets: z
      .object({
        categories: z.array(z.object({ categoryId: z.string(), count: z.number().int() })),
        priceBands: z.array(
          z.object({
            min: z.number().int(),
            max: z.number().int().nullable().openapi({ description: 'Exclusive; null: no upper bound' }),
            count: z.number().int(),
          }),
        ),
        sellers: z.array(z.object({ sellerId: z.string(), sellerName: z.string(), count: z.number().int() })),
      })
      .openapi({ description: 'Counts over every match, with the filters applied' }),
  })
  .openapi('ProductSearchPage');

export const categoryBody = z
  .object({
    name: z.string().min(1).max(50).openapi({ example: '이어폰' }),
    parentId: id('Parent category (absent for a top-level category)').nullable().optional(),
    position: z.number().int().min(0).max(10_000).optional(),
  })
  .openapi('NewCategory');

type CategoryNodeShape = { id: string; name: string; children: CategoryNodeShape[] };
// Named, so the OpenAPI generator emits a $ref for the recursion instead of expanding it forever.
export const categoryNode: z.ZodType<CategoryNodeShape> = z
  .object({
    id: z.string(),
    name: z.string(),
    get children() {
      return z.array(categoryNode);
    },
  })
  .openapi('CategoryNode');

export const categoryResponse = z
  .object({ id: z.string(), name: z.string(), parentId: z.string().nullable(), depth: z.number().int() })
  .openapi('Category');
export const categoryTreeResponse = z.object({ items: z.array(categoryNode) }).openapi('CategoryTree');

export const imageUploadBody = z
  .object({
    file: z
      .any()
      .openapi({ type: 'string', format: 'binary', description: 'JPEG, PNG, WebP or GIF, at most 5 MB' }),
  })
  .openapi('ImageUpload');

export const imageKeyParam = z.object({
  key: z
    .string()
    .max(200)
    .openapi({ param: { name: 'key', in: 'path' }, example: '0193…-0193….webp' }),
});
