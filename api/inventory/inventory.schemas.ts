import { z } from '@hono/zod-openapi';
import { MAX_WAITLIST_QUANTITY } from '../../domain/inventory/waitlist';

export const variantIdParam = z.object({
  variantId: z
    .string()
    .min(1)
    .max(36)
    .openapi({ param: { name: 'variantId', in: 'path' } }),
});

export const setStockBody = z
  .object({
    onHand: z
      .number()
      .int('must be a whole number')
      .min(0, 'must be 0 or more')
      .max(1_000_000)
      .openapi({ example: 120 }),
  })
  .openapi('StockChange');

export const stockResponse = z
  .object({
    id: z.string(),
    onHand: z.number().int(),
    reserved: z.number().int(),
    sellable: z.number().int(),
  })
  .openapi('Stock');

export const waitlistBody = z
  .object({ quantity: z.number().int().min(1).max(MAX_WAITLIST_QUANTITY).default(1) })
  .openapi('WaitlistRequest');

export const waitlistResponse = z
  .object({
    id: z.string(),
    variantId: z.string(),
    quantity: z.number().int(),
    status: z.enum(['WAITING', 'OFFERED', 'CLAIMED', 'EXPIRED', 'CANCELLED']),
    position: z
      .number()
      .int()
      .openapi({ description: 'Place in the queue (1 = next); 0 once a hold was offered' }),
    holdExpiresAt: z.string().nullable(),
  })
  .openapi('WaitlistEntry');

export const myWaitlistResponse = z
  .object({
    items: z.array(
      waitlistResponse.extend({
        productId: z.string(),
        productName: z.string().nullable().openapi({ description: 'Null when the product was removed' }),
        optionLabel: z.string().nullable().openapi({ example: '색상: 화이트 / 사이즈: M' }),
      }),
    ),
  })
  .openapi('MyWaitlist');
