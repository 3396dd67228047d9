import { z } from '@hono/zod-openapi';
import { idCursor } from '../cursor';

export const notificationListQuery = z.object({
  orderId: z.string().max(36).optional(),
  userId: z.string().max(36).optional(),
  cursor: idCursor,
  size: z.coerce.number().int().min(1).max(100).default(20),
});

const attempt = z.object({
  id: z.string(),
  channel: z.enum(['ALIMTALK', 'SMS', 'LMS', 'EMAIL']),
  provider: z.string(),
  maskedRecipient: z.string().openapi({ example: '010-****-5678' }),
  providerMessageId: z.string().nullable(),
  status: z.enum(['SENDING', 'ACCEPTED', 'DELIVERED', 'FAILED']),
  failureReason: z.string().nullable(),
  providerCode: z.string().nullable(),
  fallbackOf: z.string().nullable().openapi({ description: 'the attempt this one fell back from' }),
  tries: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const notificationListResponse = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      templateCode: z.string(),
      recipientUserId: z.string().nullable(),
      orderId: z.string().nullable(),
      status: z.enum(['PENDING', 'SENT', 'DELIVERED', 'FAILED']),
      deliveredVia: z.string().nullable(),
      createdAt: z.string(),
      attempts: z.array(attempt),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const webhookAck = z.object({ received: z.number().int(), applied: z.number().int() });
export const webhookProvider = z.object({ provider: z.enum(['nhn', 'sendgrid']) });
