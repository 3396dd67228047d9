import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseVersionedKeys, type VersionedKey } from '../platform/crypto/encryption-keys';
import { ConfigError, type ConfigIssue } from './env';

/** The identity variables as parsed by a role's schema (authSection + piiSection). */
export interface IdentityEnv {
  JWT_SECRET?: string;
  ACCESS_TOKEN_TTL: number;
  REFRESH_TOKEN_TTL: number;
  ADMIN_EMAIL?: string;
  ADMIN_PASSWORD?: string;
  PII_ENCRYPTION_KEYS?: string;
  PII_HASH_KEY?: string;
}

/** Everything identity needs at run time, resolved from the environment (and local dev secrets). */
export interface IdentitySettings {
  jwtSecret: Buffer;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  piiKeys: VersionedKey[];
  piiHashKey: Buffer;
  bootstrapAdmin: { email: string; password: string };
}

export const DEFAULT_DEV_SECRETS_PATH = 'var/dev-secrets.json';
export const DEFAULT_LOCAL_ADMIN_EMAIL = 'admin@jangteo.local';

interface DevSecrets {
  jwtSecret: string;
  piiEncryptionKeys: string;
  piiHashKey: string;
  adminEmail: string;
  adminPassword: string;
}

export function pickIdentityEnv(parsed: IdentityEnv): IdentityEnv {
  const {
    JWT_SECRET,
    ACCESS_TOKEN_TTL,
    REFRESH_TOKEN_TTL,
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    PII_ENCRYPTION_KEYS,
    PII_HASH_KEY,
  } = parsed;
  return {
    JWT_SECRET,
    ACCESS_TOKEN_TTL,
    REFRESH_TOKEN_TTL,
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    PII_ENCRYPTION_KEYS,
    PII_HASH_KEY,
  };
}

const SECRET_VARIABLES = [
  'JWT_SECRET',
  'PII_ENCRYPTION_KEYS',
  'PII_HASH_KEY',
  'ADMIN_EMAIL',
  'ADMIN_PASSWORD',
] as const;

/**
 * Production must configure every secret (the error names each missing one). A local run that
 * leaves them unset gets strong random ones, generated once and kept in var/dev-secrets.json so a
 * restart still decrypts stored data and accepts issued tokens.
 */
export function resolveIdentitySettings(
  env: IdentityEnv,
  options: { nodeEnv: string; devSecretsPath?: string },
): IdentitySettings {
  const missing = SECRET_VARIABLES.filter((variable) => !env[variable]);
  if (options.nodeEnv === 'production' && missing.length > 0) {
    throw new ConfigError(
      missing.map((variable): ConfigIssue => ({ variable, message: 'is required when NODE_ENV=production' })),
    );
  }
  const dev =
    missing.length > 0
      ? loadOrCreateDevSecrets(options.devSecretsPath ?? DEFAULT_DEV_SECRETS_PATH)
      : undefined;
  const keysSpec = env.PII_ENCRYPTION_KEYS ?? dev!.piiEncryptionKeys;
  let piiKeys: VersionedKey[];
  try {
    piiKeys = parseVersionedKeys(keysSpec);
  } catch (error) {
    throw new ConfigError([{ variable: 'PII_ENCRYPTION_KEYS', message: (error as Error).message }]);
  }
  return {
    jwtSecret: Buffer.from(env.JWT_SECRET ?? dev!.jwtSecret, 'utf8'),
    accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL,
    refreshTokenTtlSeconds: env.REFRESH_TOKEN_TTL,
    piiKeys,
    piiHashKey: Buffer.from(env.PII_HASH_KEY ?? dev!.piiHashKey, 'base64'),
    bootstrapAdmin: {
      email: env.ADMIN_EMAIL ?? dev!.adminEmail,
      password: env.ADMIN_PASSWORD ?? dev!.adminPassword,
    },
  };
}

/** Fresh random settings that live only in this process (tests and tools that persist nothing). */
export function ephemeralIdentitySettings(): IdentitySettings {
  const dev = generateDevSecrets();
  return {
    jwtSecret: Buffer.from(dev.jwtSecret, 'utf8'),
    accessTokenTtlSeconds: 15 * 60,
    refreshTokenTtlSeconds: 14 * 86400,
    piiKeys: parseVersionedKeys(dev.piiEncryptionKeys),
    piiHashKey: Buffer.from(dev.piiHashKey, 'base64'),
    bootstrapAdmin: { email: dev.adminEmail, password: dev.adminPassword },
  };
}

function generateDevSecrets(): DevSecrets {
  return {
    jwtSecret: randomBytes(48).toString('base64url'),
    piiEncryptionKeys: `v1:${randomBytes(32).toString('base64')}`,
    piiHashKey: randomBytes(32).toString('base64'),
    adminEmail: DEFAULT_LOCAL_ADMIN_EMAIL,
    // Letters, digits and a symbol, so it passes the password policy.
    adminPassword: `${randomBytes(12).toString('base64url')}-Jt7`,
  };
}

function loadOrCreateDevSecrets(path: string): DevSecrets {
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as DevSecrets;
  const secrets = generateDevSecrets();
  mkdirSync(dirname(path), { recursive: true });
  try {
    writeFileSync(path, JSON.stringify(secrets, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process created it first: use theirs, so both agree.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      return JSON.parse(readFileSync(path, 'utf8')) as DevSecrets;
    throw error;
  }
  chmodSync(path, 0o600);
  return secrets;
}
