import { z } from '@hono/zod-openapi';
import { idCursor } from '../cursor';

export const pointsQuery = z.object({
  cursor: idCursor,
  size: z.coerce.number().int().min(1).max(100).default(20),
});

const ENTRY_TYPES = [
  'EARN',
  'HOLD',
  'CAPTURE',
  'RELEASE',
  'REFUND',
  'ADMIN_GRANT',
  'ADMIN_DEDUCT',
  'EXPIRE',
  'CLAWBACK',
] as const;

export const pointsResponse = z.object({
  available: z.number().int().openapi({ description: 'points that can be spent now' }),
  held: z.number().int().openapi({ description: 'points reserved by unpaid orders' }),
  expiringSoon: z.array(z.object({ amount: z.number().int(), expiresAt: z.string() })).openapi({
    description: 'points that expire within 30 days, soonest first (oldest points are spent first)',
  }),
  entries: z.array(
    z.object({
      id: z.string(),
      type: z.enum(ENTRY_TYPES),
      amount: z.number().int().openapi({ description: 'always > 0; the type says which way it moved' }),
      orderId: z.string().nullable(),
      reference: z.string().nullable(),
      reason: z
        .string()
        .nullable()
        .openapi({ description: 'why, as shown to the buyer (CS, earning, clawback)' }),
      availableAfter: z.number().int(),
      heldAfter: z.number().int(),
      at: z.string(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const userIdParam = z.object({ id: z.string().min(1).max(36) });

export const adjustPointsBody = z.object({
  amount: z
    .number()
    .int('must be whole won')
    .refine((n) => n !== 0, 'must not be zero')
    .refine((n) => Math.abs(n) <= 100_000_000, 'must be at most 100,000,000 either way')
    .openapi({ description: 'points to grant (> 0) or deduct (< 0), whole won', example: 5000 }),
  reason: z
    .string()
    .trim()
    .min(1, 'a reason is required')
    .max(200)
    .openapi({ description: 'shown to the buyer in the ledger', example: '배송 지연 보상' }),
});

export const adjustPointsResponse = z.object({
  userId: z.string(),
  available: z.number().int(),
  held: z.number().int(),
});
