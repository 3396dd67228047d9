import { createRoute } from '@hono/zod-openapi';
import { createRouter } from '../router';
import type { PaymentWebhooks } from './payment-webhooks';
import { paymentWebhookAck, problemReply, webhookPg } from './payment.schemas';

const webhook = createRoute({
  method: 'post',
  path: '/webhooks/payments/{pg}',
  tags: ['webhooks'],
  summary: 'Payment status callbacks from a PG (toss, nicepay, inicis, kakaopay, naverpay)',
  description:
    "Each PG's callback is verified its own way: Toss status callbacks are not signed, so the payment is fetched again from Toss and only that answer is used, and deposit callbacks must carry the payment's secret; NicePay's carry a SHA-256 `signature` checked with the secret key. A replayed or out-of-order event changes nothing. The answer is what the PG expects: JSON for Toss, the text `OK` (text/html) for NicePay.",
  request: { params: webhookPg },
  responses: {
    200: {
      description: 'received (the body is the PG-specific acknowledgement)',
      content: {
        'application/json': { schema: paymentWebhookAck },
        'text/html': { schema: { type: 'string', example: 'OK' } },
      },
    },
    400: problemReply('PAYMENT_WEBHOOK_REJECTED: not a genuine callback'),
    404: problemReply('PAYMENT_WEBHOOK_UNKNOWN_PG: no such PG'),
    503: problemReply('the PG could not be asked now: deliver it again'),
  },
});

export function createPaymentWebhookRoutes(deps: { webhooks: PaymentWebhooks }) {
  const router = createRouter();
  router.openapi(webhook, async (c) => {
    const { pg } = c.req.valid('param');
    const { outcome, ack } = await deps.webhooks.receive(pg, c.req.raw.headers, await c.req.text());
    // A JSON-speaking PG (Toss) gets the outcome; others get exactly the acknowledgement they expect.
    if (ack.contentType.startsWith('application/json')) return c.json(outcome, 200);
    return c.body(ack.body, 200, { 'content-type': ack.contentType });
  });
  return router;
}
