import { z } from 'zod';
import { abuseConfig, abuseLimitsSection, type AbuseConfig } from './abuse-limits';
import { courierSection, courierVendorConfig, type CourierVendorConfig } from './courier-vendors';
import { ConfigError } from './env';
import { pickIdentityEnv, type IdentityEnv } from './identity-secrets';
import {
  notificationSection,
  notificationVendorConfig,
  type NotificationVendorConfig,
} from './notification-vendors';
import { paymentSection, paymentVendorConfig, type PaymentVendorConfig } from './payment-vendors';
import { vendorsForEnvironment } from './production-vendors';
import { sandboxOptInSection } from './sandbox-needed';
import { pointsConfig, pointsSection } from './points';
import { retentionConfig, retentionSection } from './retention';
import {
  authSection,
  cacheConfig,
  chatConfig,
  chatSection,
  databaseConfig,
  databaseSection,
  httpSection,
  imageStorageSection,
  nodeEnvSection,
  piiSection,
  redisSection,
  searchSection,
  shutdownSection,
  temporalSection,
  type CacheConfig,
  type ChatConfig,
  type DatabaseConfig,
} from './sections';
import type { RetentionSettings } from '../domain/retention/retention';
import type { PointsSettings } from '../domain/payment/points-earning';
import { settlementSection, settlementVendorConfig, type SettlementVendorConfig } from './settlement-vendors';

/** What every process role reads: its services, identity secrets, image storage and every vendor. */
export const processSection = {
  ...nodeEnvSection,
  ...databaseSection,
  ...redisSection,
  ...temporalSection,
  ...authSection,
  ...piiSection,
  ...imageStorageSection,
  ...notificationSection,
  ...paymentSection,
  ...courierSection,
  ...settlementSection,
  ...sandboxOptInSection,
  ...retentionSection,
  ...pointsSection,
  ...searchSection,
};

export interface ProcessConfig {
  nodeEnv: 'development' | 'test' | 'production';
  logLevel: string;
  database: DatabaseConfig;
  cache: CacheConfig;
  /** Identity variables as given; resolve with resolveIdentitySettings (production requires them all). */
  identity: IdentityEnv;
  /** Product images on local disk (IMAGE_STORAGE_DIR). */
  imageStorageDir: string;
  notifications: NotificationVendorConfig;
  /** PG credentials; a PG without them is the sandbox PG simulator, or disabled in production unless opted in. */
  payments: PaymentVendorConfig;
  /** SweetTracker, or the sandbox courier simulator, and the tracking callbacks' secret. */
  couriers: CourierVendorConfig;
  /** Firm banking and Popbill, or their sandbox simulators, and the platform as invoicer. */
  settlement: SettlementVendorConfig;
  /** RETENTION_*: the daily data-retention run (docs/retention.md). */
  retention: RetentionSettings;
  /** POINTS_*: earning rate and validity (docs/payments.md#points). */
  points: PointsSettings;
  /** ELASTICSEARCH_URL: product search in Elasticsearch; absent: the in-process index (docs/catalog.md). */
  elasticsearchUrl?: string;
}

export function processConfig(parsed: z.output<z.ZodObject<typeof processSection>>): ProcessConfig {
  return {
    nodeEnv: parsed.NODE_ENV,
    logLevel: parsed.LOG_LEVEL,
    database: databaseConfig(parsed),
    cache: cacheConfig(parsed),
    identity: pickIdentityEnv(parsed),
    imageStorageDir: parsed.IMAGE_STORAGE_DIR,
    retention: retentionConfig(parsed),
    points: pointsConfig(parsed),
    elasticsearchUrl: parsed.ELASTICSEARCH_URL,
    // Production: every vendor configured or opted in (SANDBOX_VENDORS), no public sandbox secret.
    ...vendorsForEnvironment(parsed.NODE_ENV, parsed.SANDBOX_VENDORS, parsed, {
      notifications: notificationVendorConfig(parsed, parsed.NODE_ENV),
      payments: paymentVendorConfig(parsed),
      couriers: courierVendorConfig(parsed, parsed.NODE_ENV),
      settlement: settlementVendorConfig(parsed),
    }),
  };
}

/** Enough for the request paths to be optimised (docs/deployment.md#warm-up): about 2 s of CPU at 100,000 products. */
export const DEFAULT_WARM_UP_REQUESTS = 3000;

/** What the roles that serve the HTTP API read besides (the API and the embedded shop). */
export const httpRoleSection = {
  ...httpSection,
  ...chatSection,
  ...abuseLimitsSection,
  ...shutdownSection,
  /** Requests a fresh process sends itself before it listens (platform/http-warm-up.ts); 0: none. */
  WARM_UP_REQUESTS: z.coerce.number().int().min(0).max(100_000).default(DEFAULT_WARM_UP_REQUESTS),
  /** Where /readyz and /metrics are served instead of PORT; production defaults to DEFAULT_OPS_PORT. */
  OPS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
};

/** The internal port of /readyz and /metrics in production (the OpenTelemetry Prometheus exporter's). */
export const DEFAULT_OPS_PORT = 9464;

export interface HttpRoleConfig {
  port: number;
  publicBaseUrl: string;
  /** PAYMENT_RESULT_URL (absent: `<public>/api/v1/payments/result`). */
  paymentResultUrl?: string;
  /** TEMPORAL_UI_URL: the admin console links orders to their workflows there (absent: no link). */
  temporalUiUrl?: string;
  /** CORS_ORIGINS: browser origins allowed to call the API (none by default). */
  corsOrigins: string[];
  chat: ChatConfig;
  /** RATE_LIMIT_*, LOGIN_* and TRUSTED_PROXY_HOPS. */
  abuse: AbuseConfig;
  /** The internal port serving /readyz and /metrics (absent: they stay on PORT, outside production). */
  opsPort?: number;
  /** SHUTDOWN_GRACE_SECONDS: in-flight requests get this long after SIGTERM. */
  shutdownGraceSeconds: number;
  /** WARM_UP_REQUESTS: sent to itself before listening (0: none). */
  warmUpRequests: number;
}

export function httpRoleConfig(
  parsed: z.output<z.ZodObject<typeof httpRoleSection>> & { NODE_ENV: string },
): HttpRoleConfig {
  const opsPort = parsed.OPS_PORT ?? (parsed.NODE_ENV === 'production' ? DEFAULT_OPS_PORT : undefined);
  if (opsPort !== undefined && opsPort === parsed.PORT)
    throw new ConfigError([{ variable: 'OPS_PORT', message: 'must differ from PORT (it is not public)' }]);
  return {
    port: parsed.PORT,
    publicBaseUrl: parsed.PUBLIC_BASE_URL ?? `http://localhost:${parsed.PORT}`,
    paymentResultUrl: parsed.PAYMENT_RESULT_URL,
    temporalUiUrl: parsed.TEMPORAL_UI_URL,
    corsOrigins: parsed.CORS_ORIGINS,
    chat: chatConfig(parsed),
    abuse: abuseConfig(parsed),
    opsPort,
    shutdownGraceSeconds: parsed.SHUTDOWN_GRACE_SECONDS,
    warmUpRequests: parsed.WARM_UP_REQUESTS,
  };
}
