import { z } from 'zod';
import { parseEnv, type Env } from './env';
import { databaseConfig, databaseSection, nodeEnvSection, type DatabaseConfig } from './sections';

const migrateEnvSchema = z.object({ ...nodeEnvSection, ...databaseSection });

export interface MigrateConfig {
  logLevel: string;
  database: DatabaseConfig;
}

export function loadMigrateConfig(env: Env): MigrateConfig {
  const parsed = parseEnv(migrateEnvSchema, env);
  return { logLevel: parsed.LOG_LEVEL, database: databaseConfig(parsed) };
}
