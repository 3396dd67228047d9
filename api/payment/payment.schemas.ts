import { z } from '@hono/zod-openapi';

export const webhookPg = z.object({
  pg: z.string().max(20).openapi({
    description: 'the PG calling back: toss, nicepay, inicis, kakaopay or naverpay',
    example: 'toss',
  }),
});
export const paymentWebhookAck = z.object({
  received: z.boolean(),
  applied: z.boolean(),
  duplicate: z.boolean(),
});

export const deadLetterListQuery = z.object({
  kind: z.enum(['payment', 'refund', 'settlement', 'notification', 'job', 'projection']).optional(),
  status: z.enum(['OPEN', 'RETRIED', 'RESOLVED']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  size: z.coerce.number().int().min(1).max(100).default(20),
});

export const deadLetterIdParam = z.object({ id: z.string().min(1).max(36) });

export const deadLetterView = z
  .object({
    id: z.string(),
    kind: z.string(),
    reference: z.string().openapi({ example: 'payment:0193a5c2-…:1' }),
    status: z.enum(['OPEN', 'RETRIED', 'RESOLVED']),
    workflowId: z.string().nullable(),
    runId: z.string().nullable(),
    input: z.unknown(),
    lastError: z.object({ code: z.string(), message: z.string() }).passthrough(),
    attempts: z.number().int(),
    createdAt: z.string(),
    resolvedAt: z.string().nullable(),
    resolvedBy: z.string().nullable(),
    note: z.string().nullable(),
  })
  .openapi('DeadLetter');

export const deadLetterList = z.object({
  items: z.array(deadLetterView),
  page: z.number().int(),
  size: z.number().int(),
  total: z.number().int(),
});
export const deadLetterRetryResponse = deadLetterView.extend({
  retry: z.object({
    workflowId: z.string(),
    attempt: z.number().int().optional().openapi({ description: 'a payment: the new attempt number' }),
  }),
});
export const resolveBody = z.object({
  note: z.string().trim().min(1).max(1000).openapi({ example: '구매자 요청으로 수동 환불 처리' }),
});

/** A problem+json response of a payment route, described but not modelled. */
export const problemReply = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: {} } },
});
