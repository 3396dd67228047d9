import { createRoute } from '@hono/zod-openapi';
import type { NotificationAttempt, NotificationStore } from '../../domain/notification';
import type { Authenticate } from '../middleware/authenticate';
import { requireRole } from '../middleware/authorize';
import { createRouter } from '../router';
import type { NotificationWebhooks } from './notification-webhooks';
import {
  notificationListQuery,
  notificationListResponse,
  webhookAck,
  webhookProvider,
} from './notification.schemas';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: {} } },
});

const webhook = createRoute({
  method: 'post',
  path: '/webhooks/notifications/{provider}',
  tags: ['webhooks'],
  summary: 'Delivery results from NHN Cloud (AlimTalk) or SendGrid (e-mail events)',
  description:
    'NHN: `X-Toast-Webhook-Signature` must equal the configured secret. SendGrid: ECDSA signature over timestamp + raw body. A replayed event changes nothing.',
  request: { params: webhookProvider },
  responses: {
    200: { description: 'processed', ...json(webhookAck) },
    400: problem('WEBHOOK_MALFORMED'),
    401: problem('WEBHOOK_SIGNATURE_INVALID'),
  },
});

const list = createRoute({
  method: 'get',
  path: '/admin/notifications',
  tags: ['admin'],
  summary: 'The send log: every notification with each channel attempt (recipients masked), newest first',
  security: [{ bearerAuth: [] }],
  request: { query: notificationListQuery },
  responses: {
    200: { description: 'a page of notifications', ...json(notificationListResponse) },
    401: problem('not signed in'),
    403: problem('admins only'),
  },
});

const iso = (d: Date) => d.toISOString();
const attemptView = (a: NotificationAttempt) => ({
  id: a.id,
  channel: a.channel,
  provider: a.provider,
  maskedRecipient: a.maskedRecipient,
  providerMessageId: a.providerMessageId ?? null,
  status: a.status,
  failureReason: a.failureReason ?? null,
  providerCode: a.providerCode ?? null,
  fallbackOf: a.fallbackOf ?? null,
  tries: a.tries,
  createdAt: iso(a.createdAt),
  updatedAt: iso(a.updatedAt),
});

export function createNotificationRoutes(deps: {
  store: NotificationStore;
  webhooks: NotificationWebhooks;
  authenticate: Authenticate;
  now: () => Date;
}) {
  const router = createRouter();
  router.openapi(webhook, async (c) => {
    const { provider } = c.req.valid('param');
    const raw = await c.req.text();
    const outcome =
      provider === 'nhn'
        ? await deps.webhooks.nhn(c.req.raw.headers, raw)
        : await deps.webhooks.sendgrid(c.req.raw.headers, raw, deps.now());
    return c.json(outcome, 200);
  });
  router.use('/admin/notifications', deps.authenticate, requireRole('ADMIN'));
  router.openapi(list, async (c) => {
    const query = c.req.valid('query');
    const page = await deps.store.list({
      orderId: query.orderId,
      userId: query.userId,
      cursor: query.cursor,
      limit: query.size,
    });
    return c.json(
      {
        items: page.items.map((n) => ({
          id: n.id,
          templateCode: n.templateCode,
          recipientUserId: n.recipientUserId ?? null,
          orderId: n.orderId ?? null,
          status: n.status,
          deliveredVia: n.deliveredVia ?? null,
          createdAt: iso(n.createdAt),
          attempts: n.attempts.map(attemptView),
        })),
        nextCursor: page.nextCursor,
      },
      200,
    );
  });
  return router;
}
