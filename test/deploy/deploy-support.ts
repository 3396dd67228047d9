import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { loadAll, YAML11_SCHEMA } from 'js-yaml';
import { API_NODE_FLAGS } from '../../config/api-node-flags';

/** Shared reading helpers and reference lists for the offline checks of the deployment files. */

export const ROOT = resolve(__dirname, '..', '..');

export function readText(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

/** Every file under `dir` (relative to the repository root), recursively. */
export function listFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path) : [relative(ROOT, join(ROOT, path))];
  });
}

/** The YAML files this part of the repository owns: compose, the k8s manifests and docker/ configs. */
export function deploymentYamlFiles(): string[] {
  const yaml = (path: string) => /\.ya?ml$/.test(path);
  return ['docker-compose.yml', ...listFiles('k8s').filter(yaml), ...listFiles('docker').filter(yaml)];
}

/**
 * Parses every document of a YAML file the way Docker Compose and kubectl read it: YAML 1.1, so
 * merge keys (`<<: *anchor`) apply and unquoted yes/no/on/off are booleans.
 */
export function loadYamlDocuments(path: string): unknown[] {
  return loadAll(readText(path), null, { schema: YAML11_SCHEMA, filename: path }).filter(
    (doc) => doc !== null && doc !== undefined,
  );
}

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Walks an object along `path`, failing loudly (with the path) where something is missing. */
export function at(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const [index, key] of path.entries()) {
    if (current === null || typeof current !== 'object' || !(key in (current as object))) {
      throw new Error(`missing ${path.slice(0, index + 1).join('.')}`);
    }
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** The process roles of the one image, the script each one runs (compiled by `npm run build`) and its Node flags. */
export const ROLE_COMMANDS = {
  api: { script: 'dist/api/server.js', source: 'api/server.ts', flags: API_NODE_FLAGS },
  worker: { script: 'dist/workers/main.js', source: 'workers/main.ts', flags: [] },
  migrate: { script: 'dist/persistence/migrate.js', source: 'persistence/migrate.ts', flags: [] },
  'pg-simulator': { script: 'dist/simulators/pg/main.js', source: 'simulators/pg/main.ts', flags: [] },
} as const;

export type Role = keyof typeof ROLE_COMMANDS;

/** The production environment of the app; compose and k8s may hand the app nothing else. */
export const APP_ENV_VARS = [
  'NODE_ENV',
  'LOG_LEVEL',
  'PORT',
  'PUBLIC_BASE_URL',
  'CORS_ORIGINS',
  'TRUSTED_PROXY_HOPS',
  'DATABASE_URL',
  'REDIS_URL',
  'TEMPORAL_ADDRESS',
  'TEMPORAL_NAMESPACE',
  'WORKER_HTTP_PORT',
  'TEMPORAL_METRICS_BIND_ADDRESS',
  'OPS_PORT',
  'SHUTDOWN_GRACE_SECONDS',
  'RETENTION_ORDER_YEARS',
  'RETENTION_NOTIFICATION_DAYS',
  'RETENTION_DRY_RUN',
  'RETENTION_BATCH_SIZE',
  'POINTS_EARN_RATE_BPS',
  'POINTS_VALIDITY_DAYS',
  'SANDBOX_VENDORS',
  'ELASTICSEARCH_URL',
  'RABBITMQ_URL',
  'JWT_SECRET',
  'PII_ENCRYPTION_KEYS',
  'PII_HASH_KEY',
  'ADMIN_EMAIL',
  'ADMIN_PASSWORD',
  'TOSS_SECRET_KEY',
  'TOSS_CLIENT_KEY',
  'PG_SIMULATOR_URL',
  'NICEPAY_CLIENT_KEY',
  'NICEPAY_SECRET_KEY',
  'INICIS_MID',
  'INICIS_SIGN_KEY',
  'INICIS_API_KEY',
  'KAKAOPAY_SECRET_KEY',
  'KAKAOPAY_CID',
  'NAVERPAY_CLIENT_ID',
  'NAVERPAY_CLIENT_SECRET',
  'NAVERPAY_CHAIN_ID',
  'NAVERPAY_PARTNER_ID',
  'SWEETTRACKER_API_KEY',
  'NHN_ALIMTALK_APPKEY',
  'NHN_SECRET_KEY',
  'NHN_SENDER_KEY',
  'NHN_SMS_APPKEY',
  'SMS_SENDER_NUMBER',
  'NHN_WEBHOOK_SIGNATURE',
  'SENDGRID_API_KEY',
  'SMTP_URL',
  'MAIL_FROM',
  'POPBILL_LINK_ID',
  'POPBILL_SECRET_KEY',
  'POPBILL_USER_ID',
  'COURIER_WEBHOOK_SECRET',
  'FIRM_BANKING_CLIENT_ID',
  'FIRM_BANKING_CLIENT_SECRET',
  'FIRM_BANKING_PASS_PHRASE',
  'FIRM_BANKING_ORG_CODE',
  'FIRM_BANKING_CONTRACT_ACCOUNT',
  'SETTLEMENT_INVOICER_CORP_NUM',
  'SETTLEMENT_INVOICER_NAME',
  'SETTLEMENT_INVOICER_CEO',
  'SETTLEMENT_INVOICER_ADDRESS',
  'SETTLEMENT_INVOICER_BIZ_TYPE',
  'SETTLEMENT_INVOICER_BIZ_CLASS',
  'SETTLEMENT_INVOICER_EMAIL',
] as const;

/** Production refuses to start without these (config/ and the identity settings). */
export const REQUIRED_SECRETS = [
  'DATABASE_URL',
  'REDIS_URL',
  'JWT_SECRET',
  'PII_ENCRYPTION_KEYS',
  'PII_HASH_KEY',
  'ADMIN_EMAIL',
  'ADMIN_PASSWORD',
] as const;

/** `${VAR}`, `${VAR:-default}`, `${VAR:?error}` … references of compose interpolation. */
export function interpolatedVariables(text: string): string[] {
  return [...text.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1]!);
}

/** An image reference that names a fixed version: a tag other than `latest`, or a digest. */
export function isPinnedImage(image: string): boolean {
  if (image.includes('@sha256:')) return true;
  const lastSegment = image.split('/').pop()!;
  const tag = lastSegment.includes(':') ? lastSegment.split(':').pop()! : '';
  return tag !== '' && tag !== 'latest' && !tag.includes('${');
}
