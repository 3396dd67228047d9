import { z } from 'zod';
import { port, url } from './env';

/** Environment fragments shared by the process roles; each role's schema composes the ones it needs. */

export const nodeEnvSection = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
};

export const databaseSection = {
  DATABASE_URL: url(['mysql', 'mariadb']).optional(),
  SQLITE_PATH: z.string().default('var/jangteo.sqlite'),
};

export const redisSection = {
  REDIS_URL: url(['redis', 'rediss']).optional(),
};

export const temporalSection = {
  TEMPORAL_ADDRESS: z
    .string()
    .regex(/^[^\s:]+:\d+$/, 'must be host:port, e.g. 127.0.0.1:7233')
    .optional(),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
};

export const httpSection = {
  PORT: port(3000),
  PUBLIC_BASE_URL: url(['http', 'https']).optional(),
};

export const workerSection = {
  WORKER_HTTP_PORT: port(3001),
};

export type DatabaseConfig = { kind: 'mariadb'; url: string } | { kind: 'sqlite'; path: string };
export type CacheConfig = { kind: 'redis'; url: string } | { kind: 'memory' };
export interface TemporalConfig {
  address: string;
  namespace: string;
}

export function databaseConfig(env: { DATABASE_URL?: string; SQLITE_PATH: string }): DatabaseConfig {
  return env.DATABASE_URL ? { kind: 'mariadb', url: env.DATABASE_URL } : { kind: 'sqlite', path: env.SQLITE_PATH };
}

export function cacheConfig(env: { REDIS_URL?: string }): CacheConfig {
  return env.REDIS_URL ? { kind: 'redis', url: env.REDIS_URL } : { kind: 'memory' };
}

/** Production runs on the real services; only development may fall back to embedded ones. */
export function requireRealServicesInProduction<T extends { NODE_ENV: string; DATABASE_URL?: string; REDIS_URL?: string }>(
  schema: z.ZodType<T>,
) {
  return schema.superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return;
    for (const variable of ['DATABASE_URL', 'REDIS_URL'] as const) {
      if (!env[variable]) ctx.addIssue({ code: 'custom', path: [variable], message: 'is required when NODE_ENV=production' });
    }
  });
}
