import type { OpenAPIHono } from '@hono/zod-openapi';
import { ephemeralIdentitySettings, type IdentitySettings } from '../config/identity-secrets';
import type { PersonalDataEraser } from '../domain/identity/ports';
import { uuidv7 } from '../platform/ids';
import type { Infrastructure } from '../platform/infrastructure';
import type { Logger } from '../platform/observability/logger';
import type { Metrics } from '../platform/observability/metrics';
import type { AppEnv } from './app-env';
import { createApp } from './app';
import { createIdentityModule } from './identity/identity.module';
import { createCatalogModule } from './catalog/catalog.module';
import type { NotificationVendorConfig } from '../config/notification-vendors';
import {
  notificationWebhookSecrets,
  SANDBOX_NHN_WEBHOOK_SIGNATURE,
} from '../integrations/notification/notification-vendors';
import { createNotificationModule } from './notification/notification.module';
import { createChatModule, type ChatSettings } from './chat/chat.module';
import { createOrderingModule } from './ordering/ordering.module';
import { createLiveSockets } from './live-sockets';
import { MemoryPubSub } from '../platform/pubsub/memory-pub-sub';
import type { PubSub } from '../platform/pubsub/pub-sub';
import type { PaymentGateways } from '../integrations/payment/payment-vendors';
import { createPaymentModule } from './payment/payment.module';
import { sandboxWindowProxy } from './payment/sandbox-window.proxy';
import { SANDBOX_COURIER_WEBHOOK_SECRET, type CourierVendorConfig } from '../config/courier-vendors';
import { createShippingModule } from './shipping/shipping.module';
import { createSettlementModule } from './settlement/settlement.module';
import { settlementDeadLetterRetrier } from '../workflows/settlement/settlement-payout.starter';

export interface ApiRuntime {
  infrastructure: Infrastructure;
  logger: Logger;
  metrics: Metrics;
  publicBaseUrl: string;
  /** Secrets and token lifetimes (config/identity-secrets.ts). Absent: random per-process keys (tests only). */
  identity?: IdentitySettings;
  /** Where product images are stored (IMAGE_STORAGE_DIR); default var/images. */
  imageStorageDir?: string;
  /** Vendor settings for verifying notification webhooks. Absent: the sandbox's. */
  notifications?: NotificationVendorConfig;
  /** Live fan-out between API processes (platform/pubsub/create-pub-sub.ts). Absent: in memory, this process only. */
  pubSub?: PubSub;
  /** CHAT_* settings; absent: the defaults (1 h reminder, 30 messages a minute). */
  chat?: ChatSettings;
  /** PG adapters (integrations/payment/payment-vendors.ts) for webhook verification. Absent: payment webhooks answer 503. */
  payments?: PaymentGateways;
  /** Courier settings (the callback secret of tracking pushes). Absent: the sandbox's. */
  couriers?: CourierVendorConfig;
  /** PAYMENT_RESULT_URL: the front-end page the browser lands on after the PG window. */
  paymentResultUrl?: string;
}

/** The app, plus the hook a composition root calls after `listen` so WebSocket routes (chat live) work. */
export type ComposedApp = OpenAPIHono<AppEnv> & {
  /** Serves WebSocket upgrades on the HTTP server; returns a function that drops live connections (shutdown). */
  attachLiveSockets(server: unknown): () => void;
};

/** Wires every context's routes over the shared infrastructure; used by every process that serves HTTP. */
export function composeApp(runtime: ApiRuntime): ComposedApp {
  const newId = () => uuidv7();
  // Contexts that hold personal data push an eraser here; withdrawal (DELETE /me) runs them all.
  const personalDataErasers: PersonalDataEraser[] = [];
  // identity.authenticate + requireRole / requireSellerAccess (api/middleware/authorize.ts) guard every protected route.
  const identity = createIdentityModule({
    dataSource: runtime.infrastructure.dataSource,
    kv: runtime.infrastructure.kv,
    logger: runtime.logger,
    settings: runtime.identity ?? ephemeralIdentitySettings(),
    newId,
    personalDataErasers,
  });
  const catalog = createCatalogModule({
    dataSource: runtime.infrastructure.dataSource,
    kv: runtime.infrastructure.kv,
    logger: runtime.logger,
    newId,
    publicBaseUrl: runtime.publicBaseUrl,
    authenticate: identity.authenticate,
    imageStorageDir: runtime.imageStorageDir,
    temporalClient: () => runtime.infrastructure.temporal.client,
  });
  const payment = createPaymentModule({
    dataSource: runtime.infrastructure.dataSource,
    gateways: runtime.payments,
    temporalClient: () => runtime.infrastructure.temporal.client,
    authenticate: identity.authenticate,
    newId,
    orderStatusOf: async (orderId) => (await ordering.orders.findById(orderId))?.status ?? null,
    deadLetterRetriers: {
      settlement: settlementDeadLetterRetrier({ temporal: () => runtime.infrastructure.temporal.client }),
    },
  });
  // Cart and orders; POST /orders starts OrderLifecycle, whose updates carry every later command.
  const ordering = createOrderingModule({
    dataSource: runtime.infrastructure.dataSource,
    kv: runtime.infrastructure.kv,
    cipher: identity.deps.cipher,
    catalog: catalog.catalog.browsing,
    inventory: catalog.inventory,
    points: { availablePoints: async (userId) => (await payment.points.balance(userId)).available },
    newId,
    authenticate: identity.authenticate,
    temporalClient: () => runtime.infrastructure.temporal.client,
    gateways: runtime.payments,
    publicBaseUrl: runtime.publicBaseUrl,
    paymentResultUrl: runtime.paymentResultUrl,
    logger: runtime.logger,
  });
  personalDataErasers.push(ordering.eraser);
  const notification = createNotificationModule({
    dataSource: runtime.infrastructure.dataSource,
    cipher: identity.deps.cipher,
    temporalClient: () => runtime.infrastructure.temporal.client,
    secrets: runtime.notifications
      ? notificationWebhookSecrets(runtime.notifications)
      : { nhnSignature: SANDBOX_NHN_WEBHOOK_SIGNATURE },
    authenticate: identity.authenticate,
    newId,
  });
  const liveSockets = createLiveSockets();
  const chat = createChatModule({
    dataSource: runtime.infrastructure.dataSource,
    kv: runtime.infrastructure.kv,
    pubSub: runtime.pubSub ?? new MemoryPubSub(),
    logger: runtime.logger,
    newId,
    authenticate: identity.authenticate,
    principals: identity.sessions,
    sellers: {
      isActiveSeller: async (userId) => {
        const access = await identity.deps.users.findAccess(userId);
        return access?.role === 'SELLER' && access.status === 'ACTIVE';
      },
    },
    products: {
      sellerOfProduct: async (productId) =>
        (await catalog.catalog.browsing.productDetail(productId))?.sellerId ?? null,
    },
    liveSockets,
    settings: runtime.chat,
    temporalClient: () => runtime.infrastructure.temporal.client,
  });
  const shipping = createShippingModule({
    dataSource: runtime.infrastructure.dataSource,
    orders: ordering.orders,
    temporalClient: () => runtime.infrastructure.temporal.client,
    authenticate: identity.authenticate,
    webhookSecret: runtime.couriers ? runtime.couriers.webhookSecret : SANDBOX_COURIER_WEBHOOK_SECRET,
    newId,
  });
  const settlement = createSettlementModule({
    dataSource: runtime.infrastructure.dataSource,
    temporalClient: () => runtime.infrastructure.temporal.client,
    authenticate: identity.authenticate,
    newId,
  });
  const app = createApp({
    logger: runtime.logger,
    metrics: runtime.metrics,
    newId,
    readinessChecks: runtime.infrastructure.readinessChecks,
    apiRoutes: [
      ...identity.routes,
      ...catalog.routes,
      ...notification.routes,
      ...chat.routes,
      ...ordering.routes,
      ...payment.routes,
      ...shipping.routes,
      ...settlement.routes,
    ],
  });
  // The sandbox PG's payment window, on the shop's own address so a browser can reach it.
  if (runtime.payments?.sandbox.pg) app.all('/sandbox/*', sandboxWindowProxy(runtime.payments.sandbox.pg));
  liveSockets.bind(app);
  return Object.assign(app, { attachLiveSockets: (server: unknown) => liveSockets.attach(server) });
}
