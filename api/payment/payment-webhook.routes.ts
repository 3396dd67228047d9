import { createRoute } from '@hono/zod-openapi';
import { createRouter } from '../router';
import type { PaymentWebhooks } from './payment-webhooks';
import { paymentWebhookAck, webhookPg } from './payment.schemas';

const webhook = createRoute({
  method: 'post',
  path: '/webhooks/payments/{pg}',
  tags: ['webhooks'],
  summary: 'Payment status callbacks from a PG (Toss: PAYMENT_STATUS_CHANGED, DEPOSIT_CALLBACK)',
  description:
    "Toss does not sign status callbacks: the payment is fetched again from Toss and only that answer is used. Deposit callbacks must carry the payment's secret. A replayed or out-of-order event changes nothing.",
  request: { params: webhookPg },
  responses: {
    200: { description: 'received', content: { 'application/json': { schema: paymentWebhookAck } } },
    400: {
      description: 'PAYMENT_WEBHOOK_REJECTED: not a genuine callback',
      content: { 'application/problem+json': { schema: {} } },
    },
    503: {
      description: 'the PG could not be asked now: deliver it again',
      content: { 'application/problem+json': { schema: {} } },
    },
  },
});

export function createPaymentWebhookRoutes(deps: { webhooks: PaymentWebhooks }) {
  const router = createRouter();
  router.openapi(webhook, async (c) => {
    c.req.valid('param');
    const outcome = await deps.webhooks.toss(c.req.raw.headers, await c.req.text());
    return c.json(outcome, 200);
  });
  return router;
}
