import { z } from '@hono/zod-openapi';
import { idCursor } from '../cursor';
import { SETTLEMENT_LINE_KINDS, SETTLEMENT_STATUSES } from '../../domain/settlement/settlement';

const won = (description: string) =>
  z
    .number()
    .int()
    .openapi({ description: `${description} (whole won)` });

export const settlementIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(36)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

const pageFields = {
  cursor: idCursor,
  size: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(20)
    .openapi({ description: 'Page size, at most 100' }),
  status: z.enum(SETTLEMENT_STATUSES).optional(),
};
const weekIdField = z
  .string()
  .regex(/^\d{4}-W\d{2}$/, 'must be an ISO week such as 2026-W48')
  .openapi({ example: '2026-W48' });

export const sellerSettlementsQuery = z.object(pageFields);
export const adminSettlementsQuery = z.object({
  ...pageFields,
  weekId: weekIdField.optional(),
  sellerId: z.string().min(1).max(36).optional(),
});

export const settlementSummary = z
  .object({
    id: z.string(),
    sellerId: z.string(),
    weekId: z.string().openapi({ example: '2026-W48' }),
    period: z.object({
      start: z.string().openapi({ example: '2026-11-23', description: 'Monday, Asia/Seoul' }),
      end: z.string().openapi({ example: '2026-11-29', description: 'Sunday, Asia/Seoul' }),
    }),
    cutoff: z.string().openapi({
      format: 'date-time',
      description: 'Lines whose 7-day hold ended before this instant (the next Monday 00:00 KST)',
    }),
    payoutDate: z.string().openapi({ example: '2026-11-30' }),
    status: z.enum(SETTLEMENT_STATUSES).openapi({
      description:
        'CARRIED_OVER (net under 10,000 won: the lines move to next week), PAYOUT_PENDING, PAID_OUT, COMPLETED (paid, invoiced, statement sent), PAYOUT_FAILED (the lines move to next week)',
    }),
    gross: won('sum of the sale lines'),
    fee: won('platform fee, 5 % per line rounded down, VAT included'),
    refunds: won('refunds deducted (shown negative on the statement)'),
    net: won('gross − fee − refunds'),
    saleCount: z.number().int(),
    refundCount: z.number().int(),
    failureCode: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('SettlementSummary');

export const settlementsPage = z.object({
  items: z.array(settlementSummary),
  nextCursor: z.string().nullable(),
});

export const settlementDetail = settlementSummary
  .extend({
    lines: z.array(
      z.object({
        kind: z.enum(SETTLEMENT_LINE_KINDS).openapi({
          description:
            'SALE and SHIPPING_FEE (paid to the seller, fee on sales only), REFUND, RETURN_SHIPPING (kept from the buyer’s refund, paid to the seller), SELLER_COST (deducted)',
        }),
        orderId: z.string(),
        orderNumber: z.string().nullable(),
        description: z
          .string()
          .openapi({ description: 'product name, 배송비, or the reason of an adjustment' }),
        quantity: z.number().int().nullable(),
        amount: won('sale (positive) or refund (negative)'),
        feeRate: z.string().nullable().openapi({ example: '5%' }),
        fee: won('fee of the line'),
        net: won('amount − fee'),
        occurredAt: z
          .string()
          .openapi({ description: 'when the sale became payable or the refund happened' }),
      }),
    ),
    payout: z
      .object({
        status: z.enum(['REQUESTED', 'PAID', 'FAILED']),
        amount: won('transferred'),
        bankCode: z.string(),
        bankName: z.string().nullable(),
        accountMasked: z.string().openapi({ example: '*********1234' }),
        transferId: z.string(),
        requestedAt: z.string(),
        paidAt: z.string().nullable(),
        failureCode: z.string().nullable(),
        failureMessage: z.string().nullable(),
      })
      .nullable(),
    taxInvoice: z
      .object({
        status: z.enum(['ISSUED', 'FAILED']),
        number: z.string().nullable().openapi({ description: '국세청 승인번호 (24 characters)' }),
        mgtKey: z.string(),
        writeDate: z.string().openapi({ example: '20261130' }),
        supplyCost: won('공급가액'),
        tax: won('세액'),
        total: won('합계 = the fee'),
        issuedAt: z.string().nullable(),
        failureCode: z.string().nullable(),
      })
      .nullable(),
    statementSentAt: z.string().nullable(),
    completedAt: z.string().nullable(),
  })
  .openapi('SettlementDetail');

export const runSettlementBody = z
  .object({
    weekStart: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as 2026-11-23')
      .optional()
      .openapi({ description: 'The Monday (Asia/Seoul) of the week to settle' }),
    cutoff: z.iso
      .datetime({ offset: true })
      .optional()
      .openapi({ description: 'Settle the last week that ended at or before this instant' }),
  })
  .openapi('RunSettlementRequest');

export const runSettlementResponse = z
  .object({
    weekId: z.string(),
    workflowId: z.string().openapi({ example: 'weekly-settlement:2026-W48' }),
    period: z.object({ start: z.string(), end: z.string() }),
    cutoff: z.string(),
    started: z.boolean().openapi({
      description: 'false when the week’s run was already going (nothing new was started)',
    }),
  })
  .openapi('RunSettlementResponse');

export const adjustmentBody = z
  .object({
    sellerId: z.string().min(1).max(36),
    orderId: z.string().min(1).max(36),
    refundId: z
      .string()
      .min(1)
      .max(100)
      .openapi({ description: 'The refund’s own id: a repeat with the same id records nothing new' }),
    amount: z.number().int().min(1).openapi({ description: 'refunded to the buyer (whole won, positive)' }),
    reason: z.string().trim().min(1).max(200).openapi({ example: 'CS 환불: 배송 중 파손' }),
    at: z.iso
      .datetime({ offset: true })
      .optional()
      .openapi({ description: 'when the money went back; default now' }),
  })
  .openapi('RefundAdjustmentRequest');

export const adjustmentView = z
  .object({
    id: z.string(),
    refundId: z.string(),
    sellerId: z.string(),
    orderId: z.string(),
    amount: won('deducted from the seller’s next settlement'),
    reason: z.string(),
    at: z.string(),
    recordedBy: z.string().nullable(),
    settlementId: z.string().nullable(),
  })
  .openapi('RefundAdjustment');
