import type { OpenAPIHono } from '@hono/zod-openapi';
import { SANDBOX_COURIER_WEBHOOK_SECRET, type CourierVendorConfig } from '../config/courier-vendors';
import type { IdentitySettings } from '../config/identity-secrets';
import type { NotificationVendorConfig } from '../config/notification-vendors';
import {
  contextInfra,
  type AbuseSettings,
  type ChatSettings,
  type ContextInfra,
  type TemporalUiLink,
} from '../contexts/context-infra';
import type { ElasticsearchWiring } from '../contexts/catalog.context';
import { createContexts, type Contexts } from '../contexts/create-contexts';
import {
  notificationWebhookSecrets,
  SANDBOX_NHN_WEBHOOK_SIGNATURE,
} from '../integrations/notification/notification-vendors';
import type { PointsSettings } from '../domain/payment/points-earning';
import type { RetentionSettings } from '../domain/retention/retention';
import type { Vendors } from '../integrations/open-vendors';
import type { PaymentGateways } from '../integrations/payment/payment-vendors';
import type { Infrastructure } from '../platform/infrastructure';
import type { Logger } from '../platform/observability/logger';
import type { Metrics } from '../platform/observability/metrics';
import type { PubSub } from '../platform/pubsub/pub-sub';
import { createApp } from './app';
import type { AppEnv } from './app-env';
import { createLiveSockets } from './live-sockets';
import { sandboxWindowProxy } from './payment/sandbox-window.proxy';
import { createOpsApp } from './system/ops.app';

export interface ApiRuntime {
  infrastructure: Infrastructure;
  logger: Logger;
  metrics: Metrics;
  publicBaseUrl: string;
  /** CORS_ORIGINS: browser origins allowed to call the API; absent or empty: none. */
  corsOrigins?: readonly string[];
  /** Secrets and token lifetimes (config/identity-secrets.ts). Absent: random per-process keys (tests only). */
  identity?: IdentitySettings;
  /** Where product images are stored (IMAGE_STORAGE_DIR); default var/images. */
  imageStorageDir?: string;
  /** Vendor settings for verifying notification webhooks. Absent: the sandbox's (tests; roots always pass config). */
  notifications?: NotificationVendorConfig;
  /** Live fan-out between API processes (platform/pubsub/create-pub-sub.ts). Absent: in memory, this process only. */
  pubSub?: PubSub;
  /** CHAT_* settings; absent: the defaults (1 h reminder, 30 messages a minute). */
  chat?: ChatSettings;
  /** PG adapters (integrations/payment/payment-vendors.ts) for webhook verification. Absent: payment webhooks answer 503. */
  payments?: PaymentGateways;
  /** Courier settings (the callback secret of tracking pushes). Absent: the sandbox's (tests; roots always pass config). */
  couriers?: CourierVendorConfig;
  /** PAYMENT_RESULT_URL: the front-end page the browser lands on after the PG window. */
  paymentResultUrl?: string;
  /** The Temporal UI admins are linked to from an order (TEMPORAL_UI_URL); absent: no link. */
  temporalUi?: TemporalUiLink;
  /** Rate limits, sign-in locks and the proxies in front (config/abuse-limits.ts). Absent: the defaults. */
  abuse?: AbuseSettings;
  /** /readyz and /metrics only on `ops` (production serves it on OPS_PORT); absent: on the public app too. */
  opsApart?: boolean;
  /** RETENTION_*, for the embedded shop's own workers; absent: the defaults. */
  retention?: RetentionSettings;
  /** POINTS_*: earning rate and validity; absent: the defaults. */
  points?: PointsSettings;
  /** ELASTICSEARCH_URL: searches answered by Elasticsearch (contexts/open-search.ts); absent: the in-process index. */
  elasticsearch?: ElasticsearchWiring;
}

/** The app, plus the hook a composition root calls after `listen` so WebSocket routes (chat live) work. */
export type ComposedApp = OpenAPIHono<AppEnv> & {
  /** Serves WebSocket upgrades on the HTTP server; returns a function that drops live connections (shutdown). */
  attachLiveSockets(server: unknown): () => void;
  /** /healthz, /readyz and /metrics for the internal ops port (api/system/ops.app.ts). */
  ops: ReturnType<typeof createOpsApp>;
  /** Resolves once product search can answer (the in-process index has loaded the read model). */
  searchReady(): Promise<void>;
  /** Shutdown: stops following the read model and writes the product views still in memory. */
  stopContexts(): Promise<void>;
};

/**
 * What the contexts are built over in a process that serves HTTP; `vendors` are the adapters open
 * in this process (the embedded launcher opens every vendor; the API only the PGs).
 */
export function apiContextInfra(
  runtime: ApiRuntime,
  vendors: Partial<Vendors> = { paymentGateways: runtime.payments },
): ContextInfra {
  return {
    ...contextInfra({ ...runtime, vendors }),
    api: {
      paymentResultUrl: runtime.paymentResultUrl,
      temporalUi: runtime.temporalUi,
      abuse: runtime.abuse,
      chat: runtime.chat,
      pubSub: runtime.pubSub,
      notificationWebhooks: runtime.notifications
        ? notificationWebhookSecrets(runtime.notifications)
        : { nhnSignature: SANDBOX_NHN_WEBHOOK_SIGNATURE },
      courierWebhookSecret: runtime.couriers
        ? runtime.couriers.webhookSecret
        : SANDBOX_COURIER_WEBHOOK_SECRET,
    },
  };
}

/** Every context's routes over the shared infrastructure; used by every process that serves HTTP. */
export function composeApp(
  runtime: ApiRuntime,
  contexts: Contexts = createContexts(apiContextInfra(runtime)),
): ComposedApp {
  const liveSockets = createLiveSockets();
  // identity.authenticate + requireRole / requireSellerAccess (api/middleware/authorize.ts) guard every protected route.
  const http = { authenticate: contexts.identity.authenticate, liveSockets };
  const app = createApp({
    logger: runtime.logger,
    metrics: runtime.metrics,
    newId: contexts.identity.deps.newId,
    readinessChecks: runtime.infrastructure.readinessChecks,
    opsApart: runtime.opsApart,
    http: { publicBaseUrl: runtime.publicBaseUrl, corsOrigins: runtime.corsOrigins },
    apiRoutes: [
      ...contexts.identity.routes(),
      ...contexts.catalog.routes(http),
      ...contexts.inventory.routes(http),
      ...contexts.notification.routes(http),
      ...contexts.chat.routes(http),
      ...contexts.ordering.routes(http),
      ...contexts.payment.routes(http),
      ...contexts.shipping.routes(http),
      ...contexts.settlement.routes(http),
      ...contexts.retention.routes(http),
      ...contexts.kpi.routes(http),
    ],
  });
  // The sandbox PG's payment window, on the shop's own address so a browser can reach it. It exists
  // only where the sandbox PG was opened: never in production unless SANDBOX_VENDORS names pg.
  if (runtime.payments?.sandbox.pg) app.all('/sandbox/*', sandboxWindowProxy(runtime.payments.sandbox.pg));
  liveSockets.bind(app);
  const ops = createOpsApp({
    metrics: runtime.metrics,
    readinessChecks: runtime.infrastructure.readinessChecks,
  });
  return Object.assign(app, {
    attachLiveSockets: (server: unknown) => liveSockets.attach(server),
    ops,
    searchReady: () => contexts.catalog.searchReady(),
    stopContexts: async () => {
      contexts.catalog.close();
      await contexts.kpi.flushViews();
    },
  });
}
