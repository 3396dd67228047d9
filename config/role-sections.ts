import type { z } from 'zod';
import { courierSection, courierVendorConfig, type CourierVendorConfig } from './courier-vendors';
import { pickIdentityEnv, type IdentityEnv } from './identity-secrets';
import {
  notificationSection,
  notificationVendorConfig,
  type NotificationVendorConfig,
} from './notification-vendors';
import { paymentSection, paymentVendorConfig, type PaymentVendorConfig } from './payment-vendors';
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
  temporalSection,
  type CacheConfig,
  type ChatConfig,
  type DatabaseConfig,
} from './sections';
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
  /** PG credentials; a PG without them is served by the sandbox PG simulator. */
  payments: PaymentVendorConfig;
  /** SweetTracker, or the sandbox courier simulator, and the tracking callbacks' secret. */
  couriers: CourierVendorConfig;
  /** Firm banking and Popbill, or their sandbox simulators, and the platform as invoicer. */
  settlement: SettlementVendorConfig;
}

export function processConfig(parsed: z.output<z.ZodObject<typeof processSection>>): ProcessConfig {
  return {
    nodeEnv: parsed.NODE_ENV,
    logLevel: parsed.LOG_LEVEL,
    database: databaseConfig(parsed),
    cache: cacheConfig(parsed),
    identity: pickIdentityEnv(parsed),
    imageStorageDir: parsed.IMAGE_STORAGE_DIR,
    notifications: notificationVendorConfig(parsed),
    payments: paymentVendorConfig(parsed),
    couriers: courierVendorConfig(parsed),
    settlement: settlementVendorConfig(parsed),
  };
}

/** What the roles that serve the HTTP API read besides (the API and the embedded shop). */
export const httpRoleSection = { ...httpSection, ...chatSection };

export interface HttpRoleConfig {
  port: number;
  publicBaseUrl: string;
  /** PAYMENT_RESULT_URL (absent: `<public>/api/v1/payments/result`). */
  paymentResultUrl?: string;
  chat: ChatConfig;
}

export function httpRoleConfig(parsed: z.output<z.ZodObject<typeof httpRoleSection>>): HttpRoleConfig {
  return {
    port: parsed.PORT,
    publicBaseUrl: parsed.PUBLIC_BASE_URL ?? `http://localhost:${parsed.PORT}`,
    paymentResultUrl: parsed.PAYMENT_RESULT_URL,
    chat: chatConfig(parsed),
  };
}
