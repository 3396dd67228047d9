import type { OpenAPIHono } from '@hono/zod-openapi';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { DataSource } from 'typeorm';
import type { AppEnv } from '../../api/app-env';
import type { NotificationVendorConfig } from '../../config/notification-vendors';
import type { AbuseSettings } from '../../contexts/context-infra';
import type { PaymentGateways } from '../../integrations/payment/payment-vendors';
import { composeApp, type ComposedApp } from '../../api/compose-app';
import type { CourierVendorConfig } from '../../config/courier-vendors';
import type { IdentitySettings } from '../../config/identity-secrets';
import { testIdentitySettings } from './test-identity';
import { RedisKeyValueStore } from '../../platform/cache/redis-key-value-store';
import type { KeyValueStore } from '../../platform/cache/key-value-store';
import { uuidv7 } from '../../platform/ids';
import type { Infrastructure } from '../../platform/infrastructure';
import type { ReadRouter } from '../../persistence/read-replicas';
import { createLogger, type Logger } from '../../platform/observability/logger';
import { createMetrics } from '../../platform/observability/metrics';
import type { TemporalClientHandle } from '../../platform/temporal/temporal-client';
import { openTestDataSource } from './database';
import { TEST_REDIS_URL } from './services';

export interface TestApp {
  /** The identity secrets the app runs with (test/support/identity.ts uses them to seed accounts). */
  identity: IdentitySettings;
  /** The public app; `app.ops` serves /healthz, /readyz and /metrics as the internal ops port does. */
  app: OpenAPIHono<AppEnv> & Pick<ComposedApp, 'ops' | 'attachLiveSockets'>;
  infrastructure: Infrastructure;
  dataSource: DataSource;
  kv: KeyValueStore;
  /** Calls the app in-process (no network), JSON in and out. */
  request(
    path: string,
    init?: { method?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<Response>;
  close(): Promise<void>;
}

function temporalFrom(env: TestWorkflowEnvironment | undefined): TemporalClientHandle {
  if (env) {
    return {
      client: env.client,
      connection: env.connection,
      check: async () => void (await env.connection.workflowService.getSystemInfo({})),
      close: async () => undefined,
    };
  }
  const missing = () => {
    throw new Error('This test did not start Temporal: pass a TestWorkflowEnvironment to createTestApp.');
  };
  return {
    get client() {
      return missing();
    },
    get connection() {
      return missing();
    },
    check: async () => missing(),
    close: async () => undefined,
  } as TemporalClientHandle;
}

/**
 * The real app over the real test database and Redis (keys under a prefix of its own, removed on
 * close), and Temporal when the suite passes an environment.
 */
export interface TestAppOptions {
  temporal?: TestWorkflowEnvironment;
  publicBaseUrl?: string;
  identity?: IdentitySettings;
  /** Vendor settings (webhook secrets); absent: the sandbox's. */
  notifications?: NotificationVendorConfig;
  /** PG adapters for payment webhooks (and the sandbox window proxy); absent: payment webhooks answer 503. */
  payments?: PaymentGateways;
  /** Courier settings (the tracking callbacks' secret); absent: the sandbox's. */
  couriers?: CourierVendorConfig;
  /** /readyz and /metrics only on `app.ops`, as production serves them. */
  opsApart?: boolean;
  /** A Redis of the test's own (one it may stop); absent: the shared test Redis. */
  redisUrl?: string;
  /** Rate limits, sign-in locks and trusted proxy hops; absent: the defaults. */
  abuse?: AbuseSettings;
  /** A database of the test's own (destroyed on close) and its read route; absent: the shared test database. */
  database?: { dataSource: DataSource; reads?: ReadRouter };
  /** Absent: silent unless TEST_LOG_LEVEL. */
  logger?: Logger;
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dataSource = options.database?.dataSource ?? (await openTestDataSource());
  const prefix = `test:${uuidv7()}:`;
  const kv = RedisKeyValueStore.connect(options.redisUrl ?? TEST_REDIS_URL, prefix);
  const temporal = temporalFrom(options.temporal);
  const infrastructure: Infrastructure = {
    dataSource,
    reads: options.database?.reads,
    kv,
    temporal,
    readinessChecks: [
      { name: 'database', check: async () => void (await dataSource.query('SELECT 1')) },
      { name: 'redis', check: () => kv.ping(), required: false },
      { name: 'temporal', check: () => temporal.check(), required: false },
    ],
    close: async () => undefined,
  };
  const identity = options.identity ?? testIdentitySettings();
  const app = composeApp({
    infrastructure,
    logger: options.logger ?? createLogger({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    metrics: createMetrics({ collectProcessMetrics: false }),
    publicBaseUrl: options.publicBaseUrl ?? 'http://localhost:3000',
    identity,
    notifications: options.notifications,
    payments: options.payments,
    abuse: options.abuse,
    couriers: options.couriers,
    opsApart: options.opsApart,
    // As the embedded shop links it (README#temporal-ui), so admin order views carry the link.
    temporalUi: { url: 'http://localhost:8233', namespace: 'default' },
  });
  return {
    app,
    identity,
    infrastructure,
    dataSource,
    kv,
    request(path, init = {}) {
      const headers: Record<string, string> = { ...init.headers };
      // Tests read English problem texts unless they ask otherwise (the API's default is Korean).
      if (!Object.keys(headers).some((name) => name.toLowerCase() === 'accept-language'))
        headers['accept-language'] = 'en';
      let body: string | undefined;
      if (init.body !== undefined) {
        body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
        headers['content-type'] ??= 'application/json';
      }
      return Promise.resolve(
        app.request(path, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body }),
      );
    },
    async close() {
      await (kv as RedisKeyValueStore).deleteByPrefix();
      await kv.close();
      await options.database?.reads?.close();
      await dataSource.destroy();
    },
  };
}
