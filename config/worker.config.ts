import { z } from 'zod';
import { parseEnv, type Env } from './env';
import {
  cacheConfig, databaseConfig, databaseSection, nodeEnvSection, redisSection, requireRealServicesInProduction,
  temporalSection, workerSection, type CacheConfig, type DatabaseConfig, type TemporalConfig,
} from './sections';

const workerEnvSchema = requireRealServicesInProduction(
  z.object({
    ...nodeEnvSection,
    ...workerSection,
    ...databaseSection,
    ...redisSection,
    ...temporalSection,
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
  };
}
