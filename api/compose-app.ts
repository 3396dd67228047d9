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
import type { NotificationVendorConfig } from '../config/notification-vendors';
import { notificationWebhookSecrets, SANDBOX_NHN_WEBHOOK_SIGNATURE } from '../integrations/notification/notification-vendors';
import { createNotificationModule } from './notification/notification.module';

export interface ApiRuntime {
  infrastructure: Infrastructure;
  logger: Logger;
  metrics: Metrics;
  publicBaseUrl: string;
  /** Secrets and token lifetimes (config/identity-secrets.ts). Absent: random per-process keys (tests only). */
  identity?: IdentitySettings;
  /** Vendor settings for verifying notification webhooks. Absent: the sandbox's. */
  notifications?: NotificationVendorConfig;
}

/** Wires every context's routes over the shared infrastructure; used by every process that serves HTTP. */
export function composeApp(runtime: ApiRuntime): OpenAPIHono<AppEnv> {
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
  const notification = createNotificationModule({
    dataSource: runtime.infrastructure.dataSource,
    cipher: identity.deps.cipher,
    temporalClient: () => runtime.infrastructure.temporal.client,
    secrets: runtime.notifications ? notificationWebhookSecrets(runtime.notifications) : { nhnSignature: SANDBOX_NHN_WEBHOOK_SIGNATURE },
    authenticate: identity.authenticate,
    newId,
  });
  return createApp({
    logger: runtime.logger,
    metrics: runtime.metrics,
    newId: () => uuidv7(),
    readinessChecks: runtime.infrastructure.readinessChecks,
    apiRoutes: [...identity.routes, ...notification.routes],
  });
}
