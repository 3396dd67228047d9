import { composeApp } from '../api/compose-app';
import { OPENAPI_PATH } from '../api/app';
import { MemoryKeyValueStore } from '../platform/cache/memory-key-value-store';
import { createDataSource } from '../persistence/data-source';
import { createLogger } from '../platform/observability/logger';
import { createMetrics } from '../platform/observability/metrics';
import type { TemporalClientHandle } from '../platform/temporal/temporal-client';

/**
 * The app's OpenAPI document, built in-process over an in-memory SQLite database (no services,
 * nothing is queried): the input of the console's generated client (scripts/console-client.ts).
 */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const dataSource = await createDataSource({ kind: 'sqlite', path: ':memory:' }).initialize();
  const unused = () => {
    throw new Error('the OpenAPI document needs no Temporal');
  };
  const temporal = {
    get client() {
      return unused();
    },
    get connection() {
      return unused();
    },
    check: async () => unused(),
    close: async () => undefined,
  } as TemporalClientHandle;
  const kv = new MemoryKeyValueStore();
  try {
    const app = composeApp({
      infrastructure: { dataSource, kv, temporal, readinessChecks: [], close: async () => undefined },
      logger: createLogger({ level: 'silent' }),
      metrics: createMetrics({ collectProcessMetrics: false }),
      publicBaseUrl: 'http://localhost:3000',
    });
    const response = await app.request(OPENAPI_PATH);
    if (!response.ok) throw new Error(`${OPENAPI_PATH} answered ${response.status}`);
    const document = (await response.json()) as Record<string, unknown>;
    await app.stopContexts();
    return document;
  } finally {
    await kv.close();
    await dataSource.destroy();
  }
}
