import { z } from 'zod';
import { pickIdentityEnv, type IdentityEnv } from './identity-secrets';
import { parseEnv, type Env } from './env';
import {
  notificationSection,
  notificationVendorConfig,
  type NotificationVendorConfig,
} from './notification-vendors';
import { paymentSection, paymentVendorConfig, type PaymentVendorConfig } from './payment-vendors';
import {
  authSection,
  piiSection,
  httpSection,
  cacheConfig,
  databaseConfig,
  databaseSection,
  nodeEnvSection,
  redisSection,
  requireRealServicesInProduction,
  temporalSection,
  workerSection,
  type CacheConfig,
  type DatabaseConfig,
  type TemporalConfig,
} from './sections';

const workerEnvSchema = requireRealServicesInProduction(
  z.object({
    ...nodeEnvSection,
    ...workerSection,
    ...databaseSection,
    ...redisSection,
    ...temporalSection,
    ...authSection,
    ...piiSection,
    ...notificationSection,
    ...paymentSection,
    PUBLIC_BASE_URL: httpSection.PUBLIC_BASE_URL,
    TEMPORAL_ADDRESS: temporalSection.TEMPORAL_ADDRESS.unwrap(),
    WORKFLOW_BUNDLE_PATH: z.string().optional(),
  }),
);

export interface WorkerConfig {
  nodeEnv: 'development' | 'test' | 'production';
  logLevel: string;
  httpPort: number;
  database: DatabaseConfig;
  cache: CacheConfig;
  temporal: TemporalConfig;
  workflowBundlePath?: string;
  /** Where vendors call back (webhooks) and buyers are sent; the API's public address. */
  publicBaseUrl: string;
  identity: IdentityEnv;
  notifications: NotificationVendorConfig;
  /** PG credentials; absent keys → the sandbox PG simulator. */
  payments: PaymentVendorConfig;
}

export function loadWorkerConfig(env: Env): WorkerConfig {
  const parsed = parseEnv(workerEnvSchema, env);
  return {
    nodeEnv: parsed.NODE_ENV,
    logLevel: parsed.LOG_LEVEL,
    httpPort: parsed.WORKER_HTTP_PORT,
    database: databaseConfig(parsed),
    cache: cacheConfig(parsed),
    temporal: { address: parsed.TEMPORAL_ADDRESS, namespace: parsed.TEMPORAL_NAMESPACE },
    workflowBundlePath: parsed.WORKFLOW_BUNDLE_PATH,
    publicBaseUrl: parsed.PUBLIC_BASE_URL ?? 'http://localhost:3000',
    identity: pickIdentityEnv(parsed),
    notifications: notificationVendorConfig(parsed),
    payments: paymentVendorConfig(parsed),
  };
}
