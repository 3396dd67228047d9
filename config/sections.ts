import { z } from 'zod';
import { ConfigError, port, url } from './env';

/** Environment fragments shared by the process roles; each role's schema composes the ones it needs. */

export const nodeEnvSection = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
};

export const databaseSection = {
  DATABASE_URL: url(['mysql', 'mariadb']).optional(),
  SQLITE_PATH: z.string().default('var/jangteo.sqlite'),
  /** Read replicas of DATABASE_URL (comma-separated); lag-tolerant reads go there (docs/deployment.md#read-replicas). */
  DATABASE_READ_URLS: z
    .string()
    .transform((text) =>
      text
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    )
    .pipe(z.array(url(['mysql', 'mariadb'])))
    .optional(),
  /** Seconds a failed replica is left alone before it is probed again. */
  DATABASE_READ_RETRY_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
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
  /** The shop front-end's page for the buyer after the PG window; default the API's own result page. */
  PAYMENT_RESULT_URL: url(['http', 'https']).optional(),
  /** The Temporal UI operators open (admin console links to an order's workflows); embedded: its dev server's. */
  TEMPORAL_UI_URL: url(['http', 'https']).optional(),
  /** Comma-separated browser origins allowed by CORS (e.g. https://shop.example); none by default. */
  CORS_ORIGINS: z
    .string()
    .transform((text) =>
      text
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^https?:\/\/[^/\s,]+$/, 'each origin is scheme://host[:port], no path')))
    .default([]),
};

/**
 * How long a stopping api or worker lets in-flight requests and activities finish after SIGTERM; keep
 * it below the pod's terminationGracePeriodSeconds (docs/deployment.md#draining-on-sigterm).
 */
export const shutdownSection = {
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
};

export const workerSection = {
  WORKER_HTTP_PORT: port(3001),
  ...shutdownSection,
};

export type DatabaseConfig =
  { kind: 'mariadb'; url: string; replicas?: ReplicaConfig } | { kind: 'sqlite'; path: string };
export interface ReplicaConfig {
  urls: string[];
  retryAfterSeconds: number;
}
export type CacheConfig = { kind: 'redis'; url: string } | { kind: 'memory' };
export interface TemporalConfig {
  address: string;
  namespace: string;
}

export function databaseConfig(env: {
  DATABASE_URL?: string;
  SQLITE_PATH: string;
  DATABASE_READ_URLS?: string[];
  DATABASE_READ_RETRY_SECONDS?: number;
}): DatabaseConfig {
  const readUrls = env.DATABASE_READ_URLS ?? [];
  if (!env.DATABASE_URL) {
    if (readUrls.length > 0)
      throw new ConfigError([
        { variable: 'DATABASE_READ_URLS', message: 'needs DATABASE_URL: SQLite has no read replicas' },
      ]);
    return { kind: 'sqlite', path: env.SQLITE_PATH };
  }
  return readUrls.length > 0
    ? {
        kind: 'mariadb',
        url: env.DATABASE_URL,
        replicas: { urls: readUrls, retryAfterSeconds: env.DATABASE_READ_RETRY_SECONDS ?? 5 },
      }
    : { kind: 'mariadb', url: env.DATABASE_URL };
}

export function cacheConfig(env: { REDIS_URL?: string }): CacheConfig {
  return env.REDIS_URL ? { kind: 'redis', url: env.REDIS_URL } : { kind: 'memory' };
}

/** Production runs on the real services; only development may fall back to embedded ones. */
export function requireRealServicesInProduction<
  T extends { NODE_ENV: string; DATABASE_URL?: string; REDIS_URL?: string },
>(schema: z.ZodType<T>) {
  return schema.superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return;
    for (const variable of ['DATABASE_URL', 'REDIS_URL'] as const) {
      if (!env[variable])
        ctx.addIssue({ code: 'custom', path: [variable], message: 'is required when NODE_ENV=production' });
    }
  });
}

/** A duration as seconds (`900`) or with a unit (`15m`, `12h`, `14d`); the parsed value is seconds. */
const duration = (fallbackSeconds: number) =>
  z
    .string()
    .regex(/^\d+[smhd]?$/, 'must be seconds or a number with s, m, h or d, e.g. 15m')
    .transform((value) => {
      const unit = value.at(-1)!;
      const factor = { s: 1, m: 60, h: 3600, d: 86400 }[unit] ?? 1;
      return Number.parseInt(value, 10) * factor;
    })
    .refine((seconds) => seconds > 0, 'must be longer than zero')
    .default(fallbackSeconds);

const base64Key = (minBytes: number) =>
  z
    .string()
    .refine(
      (value) => Buffer.from(value, 'base64').length >= minBytes,
      `must be base64 of at least ${minBytes} bytes`,
    );

/** Sign-in tokens and the first admin (identity). Required in production; generated for local runs. */
export const authSection = {
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ACCESS_TOKEN_TTL: duration(15 * 60),
  REFRESH_TOKEN_TTL: duration(14 * 86400),
  ADMIN_EMAIL: z.email('must be an email address').optional(),
  ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
};

/** Personal-data encryption (`v2:<base64>,v1:<base64>`, first key encrypts) and the look-up hash key. */
export const piiSection = {
  PII_ENCRYPTION_KEYS: z
    .string()
    .regex(
      /^\s*[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/=]+\s*(,\s*[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/=]+\s*)*$/,
      'must be id:base64 keys separated by commas, e.g. v2:<base64>,v1:<base64>',
    )
    .refine(
      (value) =>
        value.split(',').every((part) => Buffer.from(part.split(':')[1] ?? '', 'base64').length === 32),
      'every key must be base64 of exactly 32 bytes (AES-256)',
    )
    .optional(),
  PII_HASH_KEY: base64Key(32).optional(),
};

/** Where product images are kept by the local-disk storage (catalog). */
export const imageStorageSection = {
  IMAGE_STORAGE_DIR: z.string().min(1).default('var/images'),
};

/** Chat: when a waiting consumer's seller is reminded (AlimTalk), and messages per user per minute. */
export const chatSection = {
  CHAT_REPLY_REMINDER_AFTER: duration(3600),
  CHAT_MESSAGES_PER_MINUTE: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(10_000)
    .default(30),
};

export interface ChatConfig {
  replyReminderAfterSeconds: number;
  messagesPerMinute: number;
}

export function chatConfig(env: {
  CHAT_REPLY_REMINDER_AFTER: number;
  CHAT_MESSAGES_PER_MINUTE: number;
}): ChatConfig {
  return {
    replyReminderAfterSeconds: env.CHAT_REPLY_REMINDER_AFTER,
    messagesPerMinute: env.CHAT_MESSAGES_PER_MINUTE,
  };
}

export const eventsSection = {
  /** RabbitMQ for domain events (docs/events.md); absent: the relay hands events to this process's projections. */
  RABBITMQ_URL: url(['amqp', 'amqps']).optional(),
};

export const searchSection = {
  /** Elasticsearch answers product searches (docs/catalog.md#elasticsearch); absent: the in-process index over the read model. */
  ELASTICSEARCH_URL: url(['http', 'https']).optional(),
};
