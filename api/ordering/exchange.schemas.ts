import { z } from '@hono/zod-openapi';
import { EXCHANGE_STATUSES } from '../../domain/ordering/exchange';
import { ORDER_STATUSES } from '../../domain/ordering/order-status';
import { RETURN_REASON_CODES } from '../../domain/ordering/refund-rules';
import { pageQuery } from './ordering.schemas';

const id = z.string().min(1).max(36);
const reason = (what: string) => z.string().trim().min(1).max(200).openapi({ description: what });

export const requestExchangeBody = z
  .object({
    sellerId: id
      .optional()
      .openapi({ description: 'The seller whose part is exchanged; absent: the only part' }),
    items: z
      .array(
        z.object({
          orderLineId: id.openapi({ description: 'The line exchanged (every unit of it)' }),
          variantId: id.openapi({
            description: 'Another active option of the same product, at the line’s unit price',
          }),
        }),
      )
      .min(1)
      .max(100),
    reasonCode: z.enum(RETURN_REASON_CODES).default('CHANGE_OF_MIND').openapi({
      description:
        'CHANGE_OF_MIND (단순 변심: the round-trip shipping is the buyer’s, settled off the platform), DEFECTIVE or WRONG_ITEM (the seller’s cost)',
    }),
    reason: reason('Why the buyer wants another option'),
  })
  .openapi('ExchangeRequest');

export const rejectExchangeBody = z
  .object({ reason: reason('Why the exchange is refused') })
  .openapi('RejectExchangeRequest');
export const approveExchangeBody = z
  .object({ reason: reason('Note to the buyer').optional() })
  .openapi('ApproveExchangeRequest');
export const shipExchangeBody = z
  .object({
    courierCode: z.string().openapi({ description: 'CJ, LOTTE, HANJIN, EPOST, LOGEN, KDEXP or DAESIN' }),
    invoiceNumber: z
      .string()
      .openapi({ description: '송장번호 of the replacement; spaces and hyphens are ignored' }),
  })
  .openapi('ShipExchangeRequest');

export const exchangeIdParam = z.object({ id: id.openapi({ param: { name: 'id', in: 'path' } }) });

export const exchangeAnswerView = z
  .object({
    orderId: z.string(),
    exchangeId: z.string(),
    status: z.string(),
    parts: z.array(z.object({ sellerId: z.string(), status: z.enum(ORDER_STATUSES) })),
  })
  .openapi('ExchangeCommandResult');

const exchangeItemView = z.object({
  orderLineId: z.string(),
  productName: z.string(),
  quantity: z.number().int(),
  from: z.object({
    variantId: z.string(),
    options: z.record(z.string(), z.string()),
    optionText: z.string(),
  }),
  to: z.object({ variantId: z.string(), options: z.record(z.string(), z.string()), optionText: z.string() }),
});

/** An exchange as the buyer and the seller see it. */
export const exchangeView = z
  .object({
    exchangeId: z.string(),
    orderId: z.string(),
    orderNumber: z.string().openapi({ description: 'The buyer’s order number (JT…)' }),
    sellerId: z.string(),
    status: z.enum(EXCHANGE_STATUSES),
    reasonCode: z.enum(RETURN_REASON_CODES),
    reason: z.string(),
    items: z
      .array(exchangeItemView)
      .openapi({ description: 'Each line from → to with product name and options' }),
    shippingFee: z.number().int().openapi({
      description: '왕복 배송비 (whole won): return fee + outbound fee of the seller’s policy when ordered',
    }),
    payer: z.enum(['BUYER', 'SELLER']).openapi({
      description:
        'BUYER: settled off the platform (동봉 or a transfer to the seller); SELLER: the seller’s cost in settlement',
    }),
    requestedAt: z.string(),
    decidedAt: z.string().nullable(),
    decisionReason: z.string().nullable(),
    reshipment: z
      .object({
        courier: z.string(),
        invoiceNumber: z.string(),
        shippedAt: z.string().nullable(),
        deliveredAt: z.string().nullable(),
        trackingStatus: z
          .string()
          .nullable()
          .openapi({ description: 'The replacement parcel’s tracking status' }),
      })
      .nullable(),
    allowedActions: z.array(z.enum(['APPROVE', 'REJECT', 'SHIP'])),
  })
  .openapi('OrderExchange');

export const sellerExchangesQuery = pageQuery.extend({
  status: z
    .enum(EXCHANGE_STATUSES)
    .optional()
    .openapi({ description: 'REQUESTED (waiting for you), APPROVED (to ship) …; absent: all' }),
});

export const sellerExchangesPage = z
  .object({ items: z.array(exchangeView), nextCursor: z.string().nullable() })
  .openapi('SellerExchangesPage');
