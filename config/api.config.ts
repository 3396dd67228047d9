import { z } from 'zod';
import { pickIdentityEnv, type IdentityEnv } from './identity-secrets';
import { parseEnv, type Env } from './env';
import { chatConfig, chatSection, type ChatConfig } from './sections';
import {
  notificationSection,
  notificationVendorConfig,
  type NotificationVendorConfig,
} from './notification-vendors';
import { paymentSection, paymentVendorConfig, type PaymentVendorConfig } from './payment-vendors';
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
  requireRealServicesInProduction,
  temporalSection,
  type CacheConfig,
  type DatabaseConfig,
  type TemporalConfig,
} from './sections';

const apiEnvSchema = requireRealServicesInProduction(
  z.object({
    ...nodeEnvSection,
    ...httpSection,
    ...databaseSection,
    ...redisSection,
    ...temporalSection,
    ...authSection,
    ...piiSection,
    ...imageStorageSection,
    ...chatSection,
    ...notificationSection,
    ...paymentSection,
    TEMPORAL_ADDRESS: temporalSection.TEMPORAL_ADDRESS.unwrap(),
  }),
);

export interface ApiConfig {
  nodeEnv: 'development' | 'test' | 'production';
  logLevel: string;
  port: number;
  publicBaseUrl: string;
  /** PAYMENT_RESULT_URL (absent: `<public>/api/v1/payments/result`). */
  paymentResultUrl?: string;
  database: DatabaseConfig;
  /** Identity variables as given; resolve with resolveIdentitySettings (production requires them all). */
  identity: IdentityEnv;
  cache: CacheConfig;
  temporal: TemporalConfig;
  /** Product images on local disk (IMAGE_STORAGE_DIR). */
  imageStorageDir: string;
  chat: ChatConfig;
  notifications: NotificationVendorConfig;
  /** PG credentials; absent keys → the sandbox PG simulator. */
  payments: PaymentVendorConfig;
}

export function loadApiConfig(env: Env): ApiConfig {
  const parsed = parseEnv(apiEnvSchema, env);
  return {
    nodeEnv: parsed.NODE_ENV,
    logLevel: parsed.LOG_LEVEL,
    port: parsed.PORT,
    publicBaseUrl: parsed.PUBLIC_BASE_URL ?? `http://localhost:${parsed.PORT}`,
    paymentResultUrl: parsed.PAYMENT_RESULT_URL,
    database: databaseConfig(parsed),
    identity: pickIdentityEnv(parsed),
    cache: cacheConfig(parsed),
    imageStorageDir: parsed.IMAGE_STORAGE_DIR,
    temporal: { address: parsed.TEMPORAL_ADDRESS, namespace: parsed.TEMPORAL_NAMESPACE },
    chat: chatConfig(parsed),
    notifications: notificationVendorConfig(parsed),
    payments: paymentVendorConfig(parsed),
  };
}
