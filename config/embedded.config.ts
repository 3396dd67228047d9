import { z } from 'zod';
import { pickIdentityEnv, type IdentityEnv } from './identity-secrets';
import {
  notificationSection,
  notificationVendorConfig,
  type NotificationVendorConfig,
} from './notification-vendors';
import { paymentSection, paymentVendorConfig, type PaymentVendorConfig } from './payment-vendors';
import { parseEnv, port, type Env } from './env';
import { chatConfig, chatSection, type ChatConfig } from './sections';
import {
  authSection,
  piiSection,
  imageStorageSection,
  cacheConfig,
  databaseConfig,
  databaseSection,
  httpSection,
  nodeEnvSection,
  redisSection,
  temporalSection,
  type CacheConfig,
  type DatabaseConfig,
} from './sections';

const embeddedEnvSchema = z.object({
  ...nodeEnvSection,
  ...httpSection,
  ...databaseSection,
  ...redisSection,
  ...temporalSection,
  ...authSection,
  ...piiSection,
  ...chatSection,
  ...imageStorageSection,
  ...notificationSection,
  ...paymentSection,
  TEMPORAL_DEV_PORT: port(7233),
  TEMPORAL_UI_PORT: port(8233),
  TEMPORAL_DB_PATH: z.string().default('var/temporal.db'),
  TEMPORAL_CLI_PATH: z.string().optional(),
});

export interface EmbeddedConfig {
  nodeEnv: 'development' | 'test' | 'production';
  logLevel: string;
  port: number;
  publicBaseUrl: string;
  /** PAYMENT_RESULT_URL (absent: `<public>/api/v1/payments/result`). */
  paymentResultUrl?: string;
  database: DatabaseConfig;
  /** Identity variables as given; unset secrets come from var/dev-secrets.json (resolveIdentitySettings). */
  identity: IdentityEnv;
  notifications: NotificationVendorConfig;
  /** PG credentials; absent keys → the sandbox PG simulator (its window served on the shop's address). */
  payments: PaymentVendorConfig;
  cache: CacheConfig;
  chat: ChatConfig;
  /** Product images on local disk (IMAGE_STORAGE_DIR). */
  imageStorageDir: string;
  /** An external Temporal server; when absent the launcher starts a local dev server. */
  temporal: {
    address?: string;
    namespace: string;
    devPort: number;
    uiPort: number;
    dbPath: string;
    cliPath?: string;
  };
}

export function loadEmbeddedConfig(env: Env): EmbeddedConfig {
  const parsed = parseEnv(embeddedEnvSchema, env);
  return {
    nodeEnv: parsed.NODE_ENV,
    logLevel: parsed.LOG_LEVEL,
    port: parsed.PORT,
    publicBaseUrl: parsed.PUBLIC_BASE_URL ?? `http://localhost:${parsed.PORT}`,
    paymentResultUrl: parsed.PAYMENT_RESULT_URL,
    database: databaseConfig(parsed),
    identity: pickIdentityEnv(parsed),
    notifications: notificationVendorConfig(parsed),
    payments: paymentVendorConfig(parsed),
    cache: cacheConfig(parsed),
    chat: chatConfig(parsed),
    imageStorageDir: parsed.IMAGE_STORAGE_DIR,
    temporal: {
      address: parsed.TEMPORAL_ADDRESS,
      namespace: parsed.TEMPORAL_NAMESPACE,
      devPort: parsed.TEMPORAL_DEV_PORT,
      uiPort: parsed.TEMPORAL_UI_PORT,
      dbPath: parsed.TEMPORAL_DB_PATH,
      cliPath: parsed.TEMPORAL_CLI_PATH,
    },
  };
}
