import type { DataSource } from 'typeorm';
import type { CacheConfig, DatabaseConfig, TemporalConfig } from '../config/sections';
import { createDataSource, createReadRouter } from '../persistence/data-source';
import type { ReadRouter } from '../persistence/read-replicas';
import type { ReadinessCheck } from './readiness-check';
import { createKeyValueStore } from './cache/create-key-value-store';
import type { KeyValueStore } from './cache/key-value-store';
import { connectTemporalClient, type TemporalClientHandle } from './temporal/temporal-client';

/** The shared services a process talks to, opened once by a composition root and closed on shutdown. */
export interface Infrastructure {
  dataSource: DataSource;
  /** Lag-tolerant reads: DATABASE_READ_URLS replicas with failover to the primary; absent: the primary. */
  reads?: ReadRouter;
  kv: KeyValueStore;
  temporal: TemporalClientHandle;
  readinessChecks: ReadinessCheck[];
  close(): Promise<void>;
}

export async function openInfrastructure(config: {
  database: DatabaseConfig;
  cache: CacheConfig;
  temporal: TemporalConfig;
}): Promise<Infrastructure> {
  const dataSource = await createDataSource(config.database).initialize();
  const reads = createReadRouter(dataSource, config.database);
  const kv = createKeyValueStore(config.cache);
  const temporal = await connectTemporalClient(config.temporal);
  return {
    dataSource,
    reads,
    kv,
    temporal,
    readinessChecks: [
      { name: 'database', check: async () => void (await dataSource.query('SELECT 1')) },
      { name: config.cache.kind === 'redis' ? 'redis' : 'cache', check: () => kv.ping(), required: false },
      { name: 'temporal', check: () => temporal.check(), required: false },
    ],
    async close() {
      await Promise.allSettled([temporal.close(), kv.close(), reads.close(), dataSource.destroy()]);
    },
  };
}
