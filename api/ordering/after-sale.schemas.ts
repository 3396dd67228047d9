import { z } from '@hono/zod-openapi';
import { ORDER_STATUSES } from '../../domain/ordering/order-status';
import { RETURN_REASON_CODES } from '../../domain/ordering/refund-rules';

const reason = (what: string) => z.string().trim().min(1).max(200).openapi({ description: what });
const sellerId = z.string().min(1).max(36).optional().openapi({
  description: 'The seller whose part this concerns; absent: the whole order (or its only part)',
});

export const idempotencyKeyHeader = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,100}$/, '1–100 of A-Z a-z 0-9 _ . : -')
    .optional()
    .openapi({ description: 'A repeat with the same key returns the first answer' }),
});

export const confirmPaymentBody = z
  .object({
    paymentKey: z.string().min(1).max(200).openapi({
      description: 'The PG token from the window (Toss paymentKey, NicePay tid, KakaoPay pg_token …)',
    }),
    amount: z
      .number()
      .int()
      .min(0)
      .openapi({ description: 'The amount the PG window reported; compared with the order, never charged' }),
    params: z
      .record(z.string(), z.string())
      .optional()
      .openapi({ description: 'Other values the PG returned' }),
  })
  .openapi('ConfirmPaymentRequest');

export const paymentOutcomeView = z
  .object({
    orderId: z.string(),
    attempt: z.number().int(),
    status: z.enum(['PAID', 'PROCESSING']),
    approvedAt: z.string().optional(),
  })
  .openapi('PaymentOutcome');

export const checkoutView = z
  .object({
    checkoutUrl: z.string().nullable(),
    clientParams: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    expiresAt: z.string().optional(),
    confirmUrl: z.string(),
  })
  .openapi('Checkout');

export const cancelOrderBody = z
  .object({ reason: reason('Why (shown to the buyer and the seller)').default('구매자 요청'), sellerId })
  .openapi('CancelOrderRequest');
export const confirmPurchaseBody = z.object({ sellerId }).openapi('ConfirmPurchaseRequest');
export const requestReturnBody = z
  .object({
    reason: reason('What is wrong with the item'),
    reasonCode: z.enum(RETURN_REASON_CODES).default('CHANGE_OF_MIND').openapi({
      description:
        'CHANGE_OF_MIND (단순 변심: the return shipping, and the original shipping if it was free, are kept from the refund), DEFECTIVE (상품 불량) or WRONG_ITEM (오배송): everything back, the seller bears the return shipping',
    }),
    lineIds: z
      .array(z.string().min(1).max(36))
      .min(1)
      .max(100)
      .optional()
      .openapi({ description: 'Order line ids for a partial return; absent: every line of the part' }),
    sellerId,
  })
  .openapi('ReturnRequest');
export const approveReturnBody = z
  .object({
    deductionAmount: z.number().int().min(0).optional().openapi({
      description:
        'Replaces the deduction the refund rules computed (older clients); prefer deductionAdjustment',
    }),
    deductionAdjustment: z
      .object({
        amount: z.number().int().openapi({
          description:
            'Added to the computed deduction (negative: part of it waived); the deduction stays 0 … the refund',
        }),
        reason: reason('Why, shown to the buyer with the refund'),
      })
      .optional(),
    reason: reason('Note to the buyer').optional(),
  })
  .openapi('ApproveReturnRequest');
export const rejectReturnBody = z
  .object({ reason: reason('Why the return is refused') })
  .openapi('RejectReturnRequest');
export const shipPartBody = z
  .object({
    courier: z.string().openapi({ description: 'CJ, LOTTE, HANJIN, EPOST, LOGEN, KDEXP or DAESIN' }),
    invoiceNumber: z.string().openapi({ description: '송장번호; spaces and hyphens are ignored' }),
  })
  .openapi('ShipPartRequest');

export const commandAnswerView = z
  .object({
    orderId: z.string(),
    status: z.string(),
    parts: z.array(z.object({ sellerId: z.string(), status: z.enum(ORDER_STATUSES) })),
  })
  .openapi('OrderCommandResult');
export const returnView = commandAnswerView.extend({ returnId: z.string() }).openapi('ReturnResult');
export const shipmentAnswerView = commandAnswerView
  .extend({ courier: z.string(), invoiceNumber: z.string(), warnings: z.array(z.string()) })
  .openapi('ShipmentResult');
export const returnIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(36)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

const wonAmount = (description: string) =>
  z
    .number()
    .int()
    .openapi({ description: `${description} (whole won)` });

/** A return of the order with how its refund was computed (docs/ordering.md#refunds-with-shipping). */
export const orderReturnView = z
  .object({
    returnId: z.string(),
    sellerId: z.string(),
    status: z.enum(['REQUESTED', 'APPROVED', 'REJECTED']),
    reason: z.string(),
    reasonCode: z.enum(RETURN_REASON_CODES).nullable(),
    lineIds: z.array(z.string()).nullable().openapi({ description: 'null: the whole part' }),
    requestedAt: z.string(),
    decidedAt: z.string().nullable(),
    refundAmount: wonAmount('What goes back to the buyer').nullable(),
    deductionAmount: wonAmount('Kept from the refund').nullable(),
    breakdown: z
      .object({
        goodsAmount: wonAmount('Goods given back'),
        shippingAmount: wonAmount('Shipping given back'),
        deductions: z.array(
          z.object({
            kind: z.enum(['RETURN_SHIPPING', 'ORIGINAL_SHIPPING', 'SHIPPING_NOW_DUE', 'ADJUSTMENT']),
            amount: wonAmount('Kept (an ADJUSTMENT may be negative: waived)'),
            reason: z.string(),
          }),
        ),
      })
      .nullable()
      .openapi({ description: 'null until approved, and for returns approved before the refund rules' }),
    refund: z
      .object({
        amount: wonAmount('Given back in all'),
        pgAmount: wonAmount('Back to the payment method'),
        pointsAmount: wonAmount('Back as points'),
        methods: z.array(z.string()).openapi({ description: 'e.g. ["CARD"], ["CARD", "POINTS"]' }),
        status: z.enum(['PENDING', 'DONE', 'FAILED']),
        refundedAt: z.string().nullable().openapi({ description: 'When the money went back (DONE)' }),
      })
      .nullable()
      .openapi({ description: 'null until the approved return is refunded' }),
  })
  .openapi('OrderReturn');
