import { z } from '@hono/zod-openapi';
import { RETURN_REASON_CODES } from '../../domain/ordering/refund-rules';
import { pageQuery } from './ordering.schemas';

export const RETURN_STATUSES = ['REQUESTED', 'APPROVED', 'REJECTED'] as const;

export const sellerReturnsQuery = pageQuery.extend({
  status: z
    .enum(RETURN_STATUSES)
    .optional()
    .openapi({ description: 'REQUESTED (waiting for your decision), APPROVED or REJECTED; absent: all' }),
});

const returnItemView = z.object({
  orderLineId: z.string(),
  productName: z.string(),
  options: z.record(z.string(), z.string()),
  optionText: z.string().openapi({ example: '색상: 빨강 / 사이즈: M' }),
  quantity: z.number().int(),
});

export const sellerReturnView = z
  .object({
    returnId: z.string(),
    orderId: z.string(),
    orderNumber: z.string().openapi({ description: 'The buyer’s order number (JT…)' }),
    status: z.enum(RETURN_STATUSES),
    reason: z.string(),
    reasonCode: z.enum(RETURN_REASON_CODES).nullable(),
    items: z.array(returnItemView).openapi({ description: 'The lines returned with their quantities' }),
    requestedAt: z.string(),
    decidedAt: z.string().nullable(),
    decisionReason: z.string().nullable(),
    refundAmount: z.number().int().nullable(),
    deductionAmount: z.number().int().nullable(),
    allowedActions: z
      .array(z.enum(['APPROVE', 'REJECT']))
      .openapi({ description: 'POST /seller/returns/{returnId}/approve or /reject' }),
  })
  .openapi('SellerReturn');

export const sellerReturnsPage = z
  .object({ items: z.array(sellerReturnView), nextCursor: z.string().nullable() })
  .openapi('SellerReturnsPage');
