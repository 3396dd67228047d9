import { z } from '@hono/zod-openapi';
import { idCursor } from '../cursor';
import { ORDER_STATUSES } from '../../domain/ordering/order-status';
import { orderSummaryView, shippingAddressSchema } from './ordering.schemas';

export const adminOrdersQuery = z.object({
  status: z.enum(ORDER_STATUSES).optional(),
  sellerId: z.string().max(36).optional().openapi({ description: 'Orders with a part of this seller' }),
  from: z
    .string()
    .max(10)
    .optional()
    .openapi({ example: '2026-11-01', description: 'First day placed (Korean time), inclusive' }),
  to: z
    .string()
    .max(10)
    .optional()
    .openapi({ example: '2026-11-30', description: 'Last day placed (Korean time), inclusive' }),
  orderNumber: z.string().max(30).optional().openapi({ example: 'JT2026112404718263' }),
  buyerEmail: z
    .string()
    .max(254)
    .optional()
    .openapi({ description: 'The buyer’s whole e-mail address (found by keyed hash: no prefix search)' }),
  buyerPhone: z
    .string()
    .max(20)
    .optional()
    .openapi({ description: 'The buyer’s whole phone number, any spelling (found by keyed hash)' }),
  cursor: idCursor,
  size: z.coerce.number().int().min(1).max(100).default(20),
});

export const orderNumberParam = z.object({
  orderNumber: z
    .string()
    .min(1)
    .max(30)
    .openapi({ param: { name: 'orderNumber', in: 'path' }, example: 'JT2026112404718263' }),
});

export const adminOrderView = orderSummaryView
  .extend({
    buyerId: z.string(),
    shippingAddress: shippingAddressSchema
      .nullable()
      .openapi({ description: 'Recipient and phone masked; null after the buyer withdrew' }),
  })
  .openapi('AdminOrder');

export const adminOrderDetailView = adminOrderView
  .extend({
    timeline: z
      .array(
        z.object({
          status: z.string(),
          at: z.string(),
          sellerId: z.string().nullable(),
          command: z.string(),
        }),
      )
      .openapi({
        description:
          'Every status change of the order (sellerId null) and of each seller’s part, oldest first',
      }),
    workflows: z.object({
      orderWorkflowId: z.string().openapi({ example: 'order:0193…' }),
      temporalUiUrl: z.string().nullable().openapi({
        description:
          'The Temporal UI listing every workflow of this order (search attribute OrderNumber); null when TEMPORAL_UI_URL is not configured',
      }),
    }),
  })
  .openapi('AdminOrderDetail');

export const adminOrdersPage = z
  .object({ items: z.array(adminOrderView), nextCursor: z.string().nullable() })
  .openapi('AdminOrderPage');
