import { createRoute } from '@hono/zod-openapi';
import { problemResponse } from '../identity/identity-fields';
import { createRouter } from '../router';
import type { CourierWebhooks } from './courier-webhooks';
import { courierProviderParam, courierWebhookAck, courierWebhookQuery } from './shipping.schemas';

const webhook = createRoute({
  method: 'post',
  path: '/webhooks/couriers/{provider}',
  tags: ['webhooks'],
  summary: 'Parcel tracking steps pushed by the courier tracker (sweettracker)',
  description:
    "SweetTracker does not sign its pushes: each parcel's callback URL carries Jangteo's secret in `token`, checked in constant time, and the step must name a shipment (`fid`) with the courier and invoice it follows. Replays change nothing (`duplicate: true`); steps of a delivered or cancelled shipment, or of an invoice the seller replaced, are accepted and ignored.",
  request: { params: courierProviderParam, query: courierWebhookQuery },
  responses: {
    200: { description: 'received', content: { 'application/json': { schema: courierWebhookAck } } },
    400: problemResponse('COURIER_WEBHOOK_MALFORMED: not a tracking step'),
    401: problemResponse('COURIER_WEBHOOK_REJECTED: wrong or missing secret'),
    404: problemResponse('COURIER_WEBHOOK_UNKNOWN_PROVIDER'),
    503: problemResponse('the shipment could not be told now: deliver it again'),
  },
});

export function createCourierWebhookRoutes(deps: { webhooks: CourierWebhooks }) {
  const router = createRouter();
  router.openapi(webhook, async (c) => {
    const { provider } = c.req.valid('param');
    const { token } = c.req.valid('query');
    return c.json(await deps.webhooks.receive(provider, token, await c.req.text()), 200);
  });
  return router;
}
